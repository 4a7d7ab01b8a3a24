package io.calmsdk.benchmarks.support;

/** How a measurement compares with its target. */
public enum Verdict {
    /** The target is met. */
    MET("met"),
    /** The target is missed; BENCHMARKS.md says why. */
    MISSED("MISSED"),
    /** The scenario could not run to the end (an exception); the report carries the error. */
    FAILED("FAILED"),
    /** A measurement without a pass/fail target. */
    REPORTED("reported");

    private final String words;

    Verdict(String words) {
        this.words = words;
    }

    /** @return how the report writes it */
    public String words() {
        return words;
    }

    /**
     * @param met whether the target is met
     * @return {@link #MET} or {@link #MISSED}
     */
    public static Verdict of(boolean met) {
        return met ? MET : MISSED;
    }

    /**
     * @param other another verdict
     * @return the worse of the two (FAILED over MISSED over MET over REPORTED)
     */
    public Verdict and(Verdict other) {
        return ordinalRank(this) >= ordinalRank(other) ? this : other;
    }

    private static int ordinalRank(Verdict v) {
        switch (v) {
            case FAILED:
                return 3;
            case MISSED:
                return 2;
            case MET:
                return 1;
            default:
                return 0;
        }
    }
}
