package io.calmsdk.benchmarks.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one benchmark (B1 ... B7): the target, what was measured, the verdict, a table of the
 * measurements and notes. Rendered as one section of BENCHMARKS.md.
 */
public final class Result {

    private final String id;
    private final String title;
    private final String target;
    private final List<String> header = new ArrayList<>();
    private final List<List<String>> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String measured = "";
    private Verdict verdict = Verdict.REPORTED;

    /**
     * @param id e.g. {@code B1}
     * @param title what is measured
     * @param target the target as the issue states it
     */
    public Result(String id, String title, String target) {
        this.id = Objects.requireNonNull(id);
        this.title = Objects.requireNonNull(title);
        this.target = Objects.requireNonNull(target);
    }

    /**
     * A result for a scenario that threw: the verdict is {@link Verdict#FAILED} and the error is noted.
     *
     * @param id the id
     * @param title the title
     * @param target the target
     * @param error what was thrown
     * @return the result
     */
    public static Result failed(String id, String title, String target, Throwable error) {
        Result r = new Result(id, title, target);
        r.verdict(Verdict.FAILED).measured("did not complete: " + error);
        StackTraceElement[] trace = error.getStackTrace();
        r.note("Error: `" + error + "`" + (trace.length > 0 ? " at `" + trace[0] + "`" : ""));
        return r;
    }

    /**
     * @param columns the table's column headings
     * @return this
     */
    public Result columns(String... columns) {
        header.clear();
        header.addAll(List.of(columns));
        return this;
    }

    /**
     * @param cells one table row
     * @return this
     */
    public Result row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object c : cells) {
            row.add(String.valueOf(c));
        }
        rows.add(row);
        return this;
    }

    /**
     * @param note a sentence shown under the table
     * @return this
     */
    public Result note(String note) {
        notes.add(note);
        return this;
    }

    /**
     * @param measured one line: the headline figure compared with the target
     * @return this
     */
    public Result measured(String measured) {
        this.measured = measured;
        return this;
    }

    /**
     * @param verdict the verdict
     * @return this
     */
    public Result verdict(Verdict verdict) {
        this.verdict = verdict;
        return this;
    }

    /** @return the id */
    public String id() {
        return id;
    }

    /** @return the title */
    public String title() {
        return title;
    }

    /** @return the target */
    public String target() {
        return target;
    }

    /** @return the headline measurement */
    public String measured() {
        return measured;
    }

    /** @return the verdict */
    public Verdict verdict() {
        return verdict;
    }

    /** @return the table header */
    public List<String> header() {
        return List.copyOf(header);
    }

    /** @return the table rows */
    public List<List<String>> rows() {
        return List.copyOf(rows);
    }

    /** @return the notes */
    public List<String> notes() {
        return List.copyOf(notes);
    }
}
