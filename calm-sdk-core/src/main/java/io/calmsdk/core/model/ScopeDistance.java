package io.calmsdk.core.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which known scopes a name is closest to, by edit distance (insertions, deletions, substitutions and
 * swaps of neighbouring characters), for {@link CalmScope#closestKnown(String)}.
 */
final class ScopeDistance {

    private static final Pattern PREFIX = Pattern.compile("^\\$XS[A-Z]*NAME\\.");
    private static final String CALM_API = "calm-api.";
    private static final int MAX_SUGGESTIONS = 3;
    /** Longer inputs are cut: suggestions are for typos, not for 10 MB scopes. */
    private static final int MAX_LENGTH = 200;

    private ScopeDistance() {
    }

    static List<CalmScope> closest(String scope, List<CalmScope> known) {
        String text = scope.length() > MAX_LENGTH ? scope.substring(0, MAX_LENGTH) : scope;
        String name = PREFIX.matcher(text.strip()).replaceFirst("").toLowerCase(Locale.ROOT);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) {
            CalmScope k = known.get(i);
            String target = k.name().toLowerCase(Locale.ROOT);
            int d = distance(name, target);
            if (!name.startsWith(CALM_API)) {
                d = Math.min(d, distance(CALM_API + name, target));
            }
            scored.add(new Scored(k, d, i));
        }
        scored.sort(Comparator.comparingInt((Scored s) -> s.distance).thenComparingInt(s -> s.order));
        int threshold = Math.max(2, name.length() / 5);
        List<CalmScope> close = new ArrayList<>();
        for (Scored s : scored) {
            if (s.distance <= threshold && close.size() < MAX_SUGGESTIONS) {
                close.add(s.scope);
            }
        }
        if (!close.isEmpty()) {
            return close;
        }
        List<CalmScope> nearest = new ArrayList<>();
        for (int i = 0; i < Math.min(MAX_SUGGESTIONS, scored.size()); i++) {
            nearest.add(scored.get(i).scope);
        }
        return nearest;
    }

    /** Optimal string alignment distance. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int best = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    best = Math.min(best, d[i - 2][j - 2] + 1);
                }
                d[i][j] = best;
            }
        }
        return d[a.length()][b.length()];
    }

    private record Scored(CalmScope scope, int distance, int order) {
    }
}
