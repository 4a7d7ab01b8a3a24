package io.calmsdk.apilisting;

import java.util.ArrayList;
import java.util.List;

/**
 * A small line diff (longest common subsequence), enough to show what changed between two API
 * listings without a diff library.
 */
final class LineDiff {

    private LineDiff() {
    }

    /**
     * The edit script that turns {@code before} into {@code after}: every line of both, prefixed with
     * {@code ' '} (in both), {@code '-'} (only in {@code before}) or {@code '+'} (only in {@code after}).
     *
     * @param before the old lines
     * @param after the new lines
     * @return the prefixed lines, in order
     */
    static List<String> editScript(List<String> before, List<String> after) {
        // Common head and tail are cut off first: API changes are usually small, so the quadratic table
        // below stays small even for listings of thousands of lines.
        int head = 0;
        while (head < before.size() && head < after.size() && before.get(head).equals(after.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < before.size() - head && tail < after.size() - head
                && before.get(before.size() - 1 - tail).equals(after.get(after.size() - 1 - tail))) {
            tail++;
        }
        List<String> a = before.subList(head, before.size() - tail);
        List<String> b = after.subList(head, after.size() - tail);
        int[][] lcs = new int[a.size() + 1][b.size() + 1];
        for (int i = a.size() - 1; i >= 0; i--) {
            for (int j = b.size() - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> script = new ArrayList<>();
        before.subList(0, head).forEach(l -> script.add(" " + l));
        int i = 0;
        int j = 0;
        while (i < a.size() || j < b.size()) {
            if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
                script.add(" " + a.get(i++));
                j++;
            } else if (i < a.size() && (j == b.size() || lcs[i + 1][j] >= lcs[i][j + 1])) {
                // Removals first: a changed line reads as "- old" then "+ new".
                script.add("-" + a.get(i++));
            } else {
                script.add("+" + b.get(j++));
            }
        }
        before.subList(before.size() - tail, before.size()).forEach(l -> script.add(" " + l));
        return script;
    }

    /**
     * The changed lines only, each member line preceded by the (unchanged) line of the type it belongs
     * to, so that a reader sees which type changed: an API listing indents members under their type.
     *
     * @param before the old lines
     * @param after the new lines
     * @param maxLines how many changed lines to show at most; the rest are counted
     * @return one line per changed line (blank lines aside) or type, {@code "- "}, {@code "+ "} or
     *     {@code "  "} first; empty if the inputs are equal
     */
    static List<String> changes(List<String> before, List<String> after, int maxLines) {
        List<String> out = new ArrayList<>();
        String typeBefore = null;
        String typeAfter = null;
        String shownType = null;
        int shown = 0;
        int hidden = 0;
        for (String entry : editScript(before, after)) {
            char op = entry.charAt(0);
            String line = entry.substring(1);
            boolean typeLine = !line.isEmpty() && !Character.isWhitespace(line.charAt(0));
            if (typeLine) {
                if (op != '+') {
                    typeBefore = line;
                }
                if (op != '-') {
                    typeAfter = line;
                }
            }
            if (op == ' ' || line.isBlank()) {
                // Blank lines only separate types; an added or removed one says nothing.
                continue;
            }
            if (shown >= maxLines) {
                hidden++;
                continue;
            }
            String type = op == '+' ? typeAfter : typeBefore;
            if (typeLine) {
                shownType = line;
            } else if (type != null && !type.equals(shownType)) {
                out.add("  " + type);
                shownType = type;
            }
            out.add(op + " " + line);
            shown++;
        }
        if (hidden > 0) {
            out.add("... and " + hidden + " more changed lines");
        }
        return out;
    }
}
