package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.LenientDates;
import io.calmsdk.api.internal.LenientInstants;
import io.calmsdk.api.internal.WireMaps;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud ALM task (task, user story, sub-task, requirement, defect or risk), as returned by
 * {@code /calm-tasks/v1/tasks}.
 *
 * @param id the task's id
 * @param projectId the id of the project the task belongs to, when sent
 * @param title the task's title
 * @param type the task's type; {@link TaskType#TASK} when Cloud ALM does not say
 * @param status the task's status code as Cloud ALM spells it, when sent
 * @param description the task's description, when sent
 * @param externalId the id of the task in an external system, when sent
 * @param dueDate the due date, when set
 * @param priorityId the priority ({@code 10} very high, {@code 20} high, {@code 30} medium, {@code 40} low), when set
 * @param assigneeId the id of the user the task is assigned to, when assigned
 * @param assigneeName the display name of the assignee, when assigned
 * @param parentId the id of the parent task of a sub-task, when set
 * @param timeboxName the name of the timebox (sprint or phase) the task is planned in, when planned
 * @param timeboxStartDate the first day of that timebox, when planned
 * @param timeboxEndDate the last day of that timebox, when planned
 * @param createdDate when the task was created, when sent
 * @param lastChangedDate when the task was last changed, when sent (what
 *        {@link TaskListRequest.Builder#lastChangedAfter(LocalDate)} filters on)
 */
public record Task(String id, Optional<String> projectId, String title, TaskType type, Optional<String> status,
                   Optional<String> description, Optional<String> externalId, Optional<LocalDate> dueDate,
                   Optional<Integer> priorityId, Optional<String> assigneeId, Optional<String> assigneeName,
                   Optional<String> parentId, Optional<String> timeboxName,
                   Optional<LocalDate> timeboxStartDate, Optional<LocalDate> timeboxEndDate,
                   Optional<Instant> createdDate, Optional<Instant> lastChangedDate) {

    /**
     * Checks that required fields are present.
     *
     * @param id see {@link #id()}
     * @param projectId see {@link #projectId()}
     * @param title see {@link #title()}
     * @param type see {@link #type()}
     * @param status see {@link #status()}
     * @param description see {@link #description()}
     * @param externalId see {@link #externalId()}
     * @param dueDate see {@link #dueDate()}
     * @param priorityId see {@link #priorityId()}
     * @param assigneeId see {@link #assigneeId()}
     * @param assigneeName see {@link #assigneeName()}
     * @param parentId see {@link #parentId()}
     * @param timeboxName see {@link #timeboxName()}
     * @param timeboxStartDate see {@link #timeboxStartDate()}
     * @param timeboxEndDate see {@link #timeboxEndDate()}
     * @param createdDate see {@link #createdDate()}
     * @param lastChangedDate see {@link #lastChangedDate()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
     */
    public Task {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(dueDate, "dueDate");
        Objects.requireNonNull(priorityId, "priorityId");
        Objects.requireNonNull(assigneeId, "assigneeId");
        Objects.requireNonNull(assigneeName, "assigneeName");
        Objects.requireNonNull(parentId, "parentId");
        Objects.requireNonNull(timeboxName, "timeboxName");
        Objects.requireNonNull(timeboxStartDate, "timeboxStartDate");
        Objects.requireNonNull(timeboxEndDate, "timeboxEndDate");
        Objects.requireNonNull(createdDate, "createdDate");
        Objects.requireNonNull(lastChangedDate, "lastChangedDate");
    }

    /**
     * Creates a task from its JSON fields; used by the SDK's JSON decoding. Dates may be dates or
     * timestamps.
     *
     * @param id the id
     * @param projectId the project id, may be {@code null}
     * @param title the title; {@code null} is read as empty
     * @param type the type code, may be {@code null}
     * @param status the status code, may be {@code null}
     * @param description the description, may be {@code null}
     * @param externalId the external id, may be {@code null}
     * @param dueDate the due date, may be {@code null}
     * @param priorityId the priority, may be {@code null}
     * @param assigneeId the assignee's id, may be {@code null}
     * @param assigneeName the assignee's name, may be {@code null}
     * @param parentId the parent task's id, may be {@code null}
     * @param timeboxName the timebox name, may be {@code null}
     * @param timeboxStartDate the timebox start, may be {@code null}
     * @param timeboxEndDate the timebox end, may be {@code null}
     * @param createdDate the creation timestamp, may be {@code null}
     * @param lastChangedDate the last change timestamp, may be {@code null}
     * @return the task
     * @throws NullPointerException if {@code id} is missing
     * @throws IllegalArgumentException if a date cannot be read
     */
    @JsonCreator
    public static Task fromJson(@JsonProperty("id") String id, @JsonProperty("projectId") String projectId,
                                @JsonProperty("title") String title, @JsonProperty("type") String type,
                                @JsonProperty("status") String status,
                                @JsonProperty("description") String description,
                                @JsonProperty("externalId") String externalId,
                                @JsonProperty("dueDate") String dueDate,
                                @JsonProperty("priorityId") Integer priorityId,
                                @JsonProperty("assigneeId") String assigneeId,
                                @JsonProperty("assigneeName") String assigneeName,
                                @JsonProperty("parentId") String parentId,
                                @JsonProperty("timeboxName") String timeboxName,
                                @JsonProperty("timeboxStartDate") String timeboxStartDate,
                                @JsonProperty("timeboxEndDate") String timeboxEndDate,
                                @JsonProperty("createdDate") String createdDate,
                                @JsonProperty("lastChangedDate") String lastChangedDate) {
        return new Task(id, Optional.ofNullable(projectId), title == null ? "" : title,
                type == null || type.isBlank() ? TaskType.TASK : TaskType.fromString(type),
                Optional.ofNullable(status), Optional.ofNullable(description), Optional.ofNullable(externalId),
                LenientDates.parse(dueDate), Optional.ofNullable(priorityId), Optional.ofNullable(assigneeId),
                Optional.ofNullable(assigneeName), Optional.ofNullable(parentId), Optional.ofNullable(timeboxName),
                LenientDates.parse(timeboxStartDate), LenientDates.parse(timeboxEndDate),
                LenientInstants.parse(createdDate), LenientInstants.parse(lastChangedDate));
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("projectId", projectId).put("title", title)
                .put("type", type.value()).put("status", status).put("description", description)
                .put("externalId", externalId).put("dueDate", dueDate).put("priorityId", priorityId)
                .put("assigneeId", assigneeId).put("assigneeName", assigneeName).put("parentId", parentId)
                .put("timeboxName", timeboxName).put("timeboxStartDate", timeboxStartDate)
                .put("timeboxEndDate", timeboxEndDate).put("createdDate", createdDate.map(Instant::toString))
                .put("lastChangedDate", lastChangedDate.map(Instant::toString)).build();
    }

    /**
     * A reference (a named link to a document) of a task, as SAP's project-task notebook creates, changes, reads
     * and deletes it ({@code /calm-tasks/v1/tasks/{id}/references}, {@code /calm-tasks/v1/tasks/references/{id}}).
     *
     * @param id the reference's key
     * @param name the display name, when sent
     * @param url where it points, when sent
     * @param taskId the task, when sent
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Reference(String id, Optional<String> name, Optional<String> url, Optional<String> taskId,
                                Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param id see {@link #id()}
         * @param name see {@link #name()}
         * @param url see {@link #url()}
         * @param taskId see {@link #taskId()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Reference {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(taskId, "taskId");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Reference fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "task reference");
            return new Reference(f.required("id"), f.text("name"), f.text("url"), f.text("taskId"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("id", id).put("name", name).put("url", url).put("taskId", taskId)
                    .putOthers(otherFields).build();
        }
    }
}
