package io.calmsdk.testkit.internal.calm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A block of bulk-seeded tasks that exist only as a formula: task {@code i} is computed from its index
 * when asked for, so 100,000 tasks cost a few bytes until a page of them is rendered. The id encodes the
 * block and the index ({@code new UUID(blockBits, index)}), so a lookup by id needs no table. Immutable.
 */
final class TaskBlock {

    static final String[] TYPES = {"CALMTASK", "CALMUS", "CALMREQU", "CALMDEF"};
    private static final int[] PRIORITIES = {10, 20, 30, 40};
    private static final int USERS = 7;

    final String projectId;
    final int count;
    private final long blockBits;
    private final Instant base;

    TaskBlock(String projectId, int count, long blockBits, Instant base) {
        this.projectId = projectId;
        this.count = count;
        this.blockBits = blockBits;
        this.base = base;
    }

    String id(int index) {
        return new UUID(blockBits, index).toString();
    }

    /** @return the index of a task id of this block, or -1 */
    int index(String id) {
        try {
            UUID uuid = UUID.fromString(id);
            long index = uuid.getLeastSignificantBits();
            return uuid.getMostSignificantBits() == blockBits && index >= 0 && index < count ? (int) index : -1;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    String type(int index) {
        return TYPES[index % TYPES.length];
    }

    String assigneeId(int index) {
        return "user-" + (index % USERS);
    }

    String status(int index) {
        return CalmStore.openStatus(type(index));
    }

    Instant lastChanged(int index) {
        // Spread over about a year, newest first, so lastChangedDate filters select a real subset.
        return base.minus(Duration.ofHours(index % 9000));
    }

    ObjectNode render(int index) {
        ObjectNode task = JsonSupport.object();
        task.put("id", id(index));
        task.put("projectId", projectId);
        task.put("title", "Generated task " + (index + 1));
        task.put("type", type(index));
        task.put("status", status(index));
        task.putNull("externalId");
        task.put("dueDate", LocalDate.ofInstant(base, ZoneOffset.UTC).plusDays(index % 90).toString());
        task.put("priorityId", PRIORITIES[index % PRIORITIES.length]);
        task.put("assigneeId", assigneeId(index));
        task.put("assigneeName", CalmStore.userName(assigneeId(index)));
        task.putNull("timeboxName");
        task.putNull("timeboxStartDate");
        task.putNull("timeboxEndDate");
        task.put("description", "Bulk-seeded task " + (index + 1) + " of " + count);
        task.put("createdDate", JsonSupport.time(lastChanged(index).minus(Duration.ofDays(1))));
        task.put("lastChangedDate", JsonSupport.time(lastChanged(index)));
        return task;
    }
}
