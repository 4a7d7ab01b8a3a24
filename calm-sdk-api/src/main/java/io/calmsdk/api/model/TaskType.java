package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.calmsdk.core.model.OpenEnum;
import java.util.List;
import java.util.Locale;

/**
 * The type of a Cloud ALM task, such as {@link #TASK} ({@code CALMTASK}) or {@link #USER_STORY}
 * ({@code CALMUS}).
 *
 * <p>Cloud ALM owns this list and may add types: {@link #fromString(String)} accepts any code, so an
 * answer with a type this SDK does not know still decodes (codes are compared ignoring case and kept
 * in upper case). Compare with {@link #equals(Object)}. Immutable.
 */
public final class TaskType extends OpenEnum<TaskType> {

    /** A plain task, {@code CALMTASK}. */
    public static final TaskType TASK = new TaskType("CALMTASK", true);
    /** A user story, {@code CALMUS}. */
    public static final TaskType USER_STORY = new TaskType("CALMUS", true);
    /** A sub-task of another task ({@code parentId}), {@code CALMST}. */
    public static final TaskType SUB_TASK = new TaskType("CALMST", true);
    /** A requirement, {@code CALMREQU}. */
    public static final TaskType REQUIREMENT = new TaskType("CALMREQU", true);
    /** A defect, {@code CALMDEF}. */
    public static final TaskType DEFECT = new TaskType("CALMDEF", true);
    /** A risk, {@code CALMRISK}. */
    public static final TaskType RISK = new TaskType("CALMRISK", true);

    private static final List<TaskType> VALUES = List.of(TASK, USER_STORY, SUB_TASK, REQUIREMENT, DEFECT, RISK);

    private TaskType(String code, boolean known) {
        super(code, known);
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
    public static TaskType fromString(String code) {
        if (code != null && code.isBlank()) {
            throw new IllegalArgumentException("task type code must not be blank");
        }
        return fromString(code, VALUES, TaskType::normalize, c -> new TaskType(normalize(c), false));
    }

    /**
     * The known task types.
     *
     * @return the constants of this class
     */
    public static List<TaskType> values() {
        return VALUES;
    }

    private static String normalize(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
