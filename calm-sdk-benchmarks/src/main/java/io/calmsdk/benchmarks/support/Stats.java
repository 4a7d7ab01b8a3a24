package io.calmsdk.benchmarks.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** Order statistics over repeated measurements: the median is what BENCHMARKS.md reports. */
public final class Stats {

    private Stats() {
    }

    /**
     * The median (mean of the two middle values for an even count).
     *
     * @param values at least one value
     * @return the median
     * @throws IllegalArgumentException if there are no values
     */
    public static double median(Collection<? extends Number> values) {
        return percentile(values, 50);
    }

    /**
     * A percentile by linear interpolation between closest ranks.
     *
     * @param values at least one value
     * @param p the percentile, 0 to 100
     * @return the percentile
     * @throws IllegalArgumentException if there are no values or p is out of range
     */
    public static double percentile(Collection<? extends Number> values, double p) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        if (p < 0 || p > 100) {
            throw new IllegalArgumentException("percentile " + p);
        }
        List<Double> sorted = new ArrayList<>(values.size());
        values.forEach(v -> sorted.add(v.doubleValue()));
        Collections.sort(sorted);
        double rank = p / 100 * (sorted.size() - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted.get(lo) + (sorted.get(hi) - sorted.get(lo)) * (rank - lo);
    }

    /**
     * @param values at least one value
     * @return the smallest value
     */
    public static double min(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).min().orElseThrow();
    }

    /**
     * @param values at least one value
     * @return the largest value
     */
    public static double max(Collection<? extends Number> values) {
        return values.stream().mapToDouble(Number::doubleValue).max().orElseThrow();
    }
}
