package io.calmsdk.benchmarks.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders results as Markdown and puts them into BENCHMARKS.md between two marker comments, leaving the
 * hand-written text around them as it is.
 */
public final class MarkdownReport {

    /** Start of the generated block. */
    public static final String BEGIN = "<!-- results:begin (written by calm-sdk-benchmarks; do not edit by hand) -->";
    /** End of the generated block. */
    public static final String END = "<!-- results:end -->";

    private MarkdownReport() {
    }

    /**
     * Renders a run.
     *
     * @param header lines about the run (machine, JDK, command, ...), each rendered as a list item
     * @param results the sections
     * @return Markdown
     */
    public static String render(List<String> header, List<Result> results) {
        StringBuilder sb = new StringBuilder();
        for (String line : header) {
            sb.append("- ").append(line).append('\n');
        }
        sb.append("\n| Id | What | Target | Measured | Verdict |\n|---|---|---|---|---|\n");
        for (Result r : results) {
            sb.append("| ").append(r.id()).append(" | ").append(cell(r.title())).append(" | ").append(cell(r.target()))
                    .append(" | ").append(cell(r.measured())).append(" | ").append(bold(r.verdict())).append(" |\n");
        }
        for (Result r : results) {
            sb.append("\n### ").append(r.id()).append(": ").append(r.title()).append("\n\n");
            sb.append("Target: ").append(r.target()).append(". Verdict: ").append(bold(r.verdict())).append(".\n");
            if (!r.header().isEmpty()) {
                sb.append('\n').append(row(r.header()));
                sb.append('|');
                r.header().forEach(h -> sb.append("---|"));
                sb.append('\n');
                r.rows().forEach(row -> sb.append(row(row)));
            }
            if (!r.notes().isEmpty()) {
                sb.append('\n');
                r.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
            }
        }
        return sb.toString();
    }

    private static String bold(Verdict v) {
        return v == Verdict.MET || v == Verdict.REPORTED ? v.words() : "**" + v.words() + "**";
    }

    private static String row(List<String> cells) {
        StringBuilder sb = new StringBuilder("|");
        cells.forEach(c -> sb.append(' ').append(cell(c)).append(" |"));
        return sb.append('\n').toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    /**
     * Replaces the generated block of a document (or appends one when it has none).
     *
     * @param document the document's text
     * @param block the new block
     * @return the new text
     */
    public static String replaceBlock(String document, String block) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        String framed = BEGIN + "\n" + block + "\n" + END;
        if (begin < 0 || end < begin) {
            return document + (document.endsWith("\n") || document.isEmpty() ? "" : "\n") + "\n" + framed + "\n";
        }
        return document.substring(0, begin) + framed + document.substring(end + END.length());
    }

    /**
     * Writes the block into a file.
     *
     * @param file BENCHMARKS.md
     * @param block the rendered results
     * @throws IOException if the file cannot be written
     */
    public static void writeInto(Path file, String block) throws IOException {
        String before = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        Files.writeString(file, replaceBlock(before, block), StandardCharsets.UTF_8);
    }
}
