package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The type of a Cloud ALM task, such as {@link #TASK} ({@code CALMTASK}) or {@link #USER_STORY}
 * ({@code CALMUS}).
 *
 * <p>Cloud ALM owns this list and may add types: {@link #of(String)} accepts any code, so an answer
 * with a type this SDK does not know still decodes. Compare with {@link #equals(Object)}. Immutable.
 */
public final class TaskType {

    /** A plain task, {@code CALMTASK}. */
    public static final TaskType TASK = new TaskType("CALMTASK");
    /** A user story, {@code CALMUS}. */
    public static final TaskType USER_STORY = new TaskType("CALMUS");
    /** A sub-task of another task ({@code parentId}), {@code CALMST}. */
    public static final TaskType SUB_TASK = new TaskType("CALMST");
    /** A requirement, {@code CALMREQU}. */
    public static final TaskType REQUIREMENT = new TaskType("CALMREQU");
    /** A defect, {@code CALMDEF}. */
    public static final TaskType DEFECT = new TaskType("CALMDEF");
    /** A risk, {@code CALMRISK}. */
    public static final TaskType RISK = new TaskType("CALMRISK");

    private static final Map<String, TaskType> KNOWN = Map.of(
            TASK.code, TASK, USER_STORY.code, USER_STORY, SUB_TASK.code, SUB_TASK,
            REQUIREMENT.code, REQUIREMENT, DEFECT.code, DEFECT, RISK.code, RISK);

    private final String code;

    private TaskType(String code) {
        this.code = code;
    }

    /**
     * Returns the type with this wire code, known or not.
     *
     * @param code the wire code, e.g. {@code CALMTASK}; compared case-insensitively
     * @return the type
     * @throws IllegalArgumentException if the code is blank
     * @throws NullPointerException if the code is {@code null}
     */
    @JsonCreator
    public static TaskType of(String code) {
        Objects.requireNonNull(code, "code");
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        if (normalized.isEmpty()) {
            throw new IllegalArgumentException("task type code must not be blank");
        }
        TaskType known = KNOWN.get(normalized);
        return known != null ? known : new TaskType(normalized);
    }

    /**
     * The wire code, e.g. {@code CALMTASK}.
     *
     * @return the code
     */
    @JsonValue
    public String code() {
        return code;
    }

    /**
     * Whether this is one of the types this SDK version names as a constant.
     *
     * @return {@code true} for the constants of this class
     */
    public boolean isKnown() {
        return KNOWN.containsKey(code);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TaskType && code.equals(((TaskType) o).code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    /**
     * The wire code.
     *
     * @return the code
     */
    @Override
    public String toString() {
        return code;
    }
}
