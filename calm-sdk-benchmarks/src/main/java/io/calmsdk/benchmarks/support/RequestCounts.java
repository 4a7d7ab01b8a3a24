package io.calmsdk.benchmarks.support;

import io.calmsdk.testkit.RequestJournal;
import io.calmsdk.testkit.SimulatedApi;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The simulator's journal sorted into what B4 and B5 count: token requests, writes, polls of long-running
 * operations and entitlement jobs, and other reads (lookups).
 *
 * @param tokens token requests (XSUAA)
 * @param writes POST, PUT, PATCH and DELETE to anything but XSUAA
 * @param polls GETs of an operation or an entitlement job status
 * @param reads every other GET
 * @param breakdown count per method and path (ids replaced by {@code {id}})
 */
public record RequestCounts(long tokens, long writes, long polls, long reads, Map<String, Long> breakdown) {

    private static final Pattern ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|(?<=/jobs/)[^/]+");

    /**
     * @param entries journal entries
     * @return their counts
     */
    public static RequestCounts of(List<RequestJournal.Entry> entries) {
        long tokens = 0;
        long writes = 0;
        long polls = 0;
        long reads = 0;
        Map<String, Long> breakdown = new TreeMap<>();
        for (RequestJournal.Entry e : entries) {
            if (e.api() == SimulatedApi.XSUAA) {
                tokens++;
            } else if (e.isWrite()) {
                writes++;
            } else if (isPoll(e.path())) {
                polls++;
            } else {
                reads++;
            }
            breakdown.merge(e.method() + " " + ID.matcher(e.path()).replaceAll("{id}"), 1L, Long::sum);
        }
        return new RequestCounts(tokens, writes, polls, reads, breakdown);
    }

    private static boolean isPoll(String path) {
        return path.contains("/operations/") || path.startsWith("/jobs-management/");
    }

    /** @return every request, tokens included */
    public long total() {
        return tokens + writes + polls + reads;
    }

    /** @return reads and polls: every GET that is not a token request */
    public long allReads() {
        return reads + polls;
    }

    /** @return the breakdown as one Markdown-friendly line */
    public String breakdownText() {
        StringBuilder sb = new StringBuilder();
        breakdown.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append('`').append(k).append("` x")
                .append(v));
        return sb.toString();
    }
}
