package io.calmsdk.benchmarks.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The task list both clients of B3 download: Cloud ALM's REST shape ({@code /calm-tasks/v1/tasks} answers a
 * bare JSON array), every field filled as a real tenant fills it, so decoding does real work.
 */
public final class TaskPayload {

    private static final String[] TYPES = {"CALMUS", "CALMTASK", "CALMDEF", "CALMREQ"};
    private static final String[] STATUSES = {"CIPREQUESTED", "CIPINPROGRESS", "CIPDONE"};

    private TaskPayload() {
    }

    /**
     * Renders the list.
     *
     * @param items number of tasks
     * @return the JSON array
     */
    public static String json(int items) {
        Instant base = Instant.parse("2026-11-01T08:00:00Z");
        LocalDate day = LocalDate.of(2026, 11, 1);
        StringBuilder sb = new StringBuilder(items * 700).append('[');
        for (int i = 0; i < items; i++) {
            if (i > 0) {
                sb.append(',');
            }
            Instant changed = base.minus(i, ChronoUnit.HOURS);
            sb.append("{\"id\":\"6f1c2a4e-0000-4000-8000-").append(String.format("%012d", i)).append('"')
              .append(",\"projectId\":\"b7a1d3c2-1111-4222-8333-444455556666\"")
              .append(",\"title\":\"Prepare cutover step ").append(i + 1).append(" for the S/4HANA rollout\"")
              .append(",\"type\":\"").append(TYPES[i % TYPES.length]).append('"')
              .append(",\"status\":\"").append(STATUSES[i % STATUSES.length]).append('"')
              .append(",\"description\":\"Check the transport list, freeze changes and inform the business")
              .append(" users of wave ").append(i % 7).append(" before the weekend.\"")
              .append(",\"externalId\":null")
              .append(",\"dueDate\":\"").append(day.plusDays(i % 30)).append('"')
              .append(",\"priorityId\":").append(10 * (1 + i % 4))
              .append(",\"assigneeId\":\"user").append(i % 9).append("@example.com\"")
              .append(",\"assigneeName\":\"User ").append(i % 9).append('"')
              .append(",\"parentId\":null")
              .append(",\"timeboxName\":\"Sprint ").append(1 + i % 5).append('"')
              .append(",\"timeboxStartDate\":\"").append(day).append('"')
              .append(",\"timeboxEndDate\":\"").append(day.plusDays(13)).append('"')
              .append(",\"createdDate\":\"").append(changed.minus(1, ChronoUnit.DAYS)).append('"')
              .append(",\"lastChangedDate\":\"").append(changed).append("\"}");
        }
        return sb.append(']').toString();
    }
}
