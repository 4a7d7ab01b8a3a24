package io.calmsdk.benchmarks.support;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What a hand-written client decodes a Cloud ALM task into: the same fields and types as calm-sdk's
 * {@code Task} (dates as {@link LocalDate}, times as {@link Instant}), as a plain record.
 *
 * @param id id
 * @param projectId project id
 * @param title title
 * @param type type code
 * @param status status code
 * @param description description
 * @param externalId external id
 * @param dueDate due date
 * @param priorityId priority
 * @param assigneeId assignee id
 * @param assigneeName assignee name
 * @param parentId parent task id
 * @param timeboxName timebox name
 * @param timeboxStartDate timebox start
 * @param timeboxEndDate timebox end
 * @param createdDate created
 * @param lastChangedDate last changed
 */
public record RawTask(String id, String projectId, String title, String type, String status, String description,
                      String externalId, LocalDate dueDate, Integer priorityId, String assigneeId,
                      String assigneeName, String parentId, String timeboxName, LocalDate timeboxStartDate,
                      LocalDate timeboxEndDate, Instant createdDate, Instant lastChangedDate) {
}
