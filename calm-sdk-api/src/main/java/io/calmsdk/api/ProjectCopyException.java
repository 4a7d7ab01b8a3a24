package io.calmsdk.api;

import io.calmsdk.core.exception.CalmException;
import java.util.List;
import java.util.Optional;

/**
 * Copying a template project stopped part-way ({@link ProjectsClient#copyFromTemplate(String, String)}): says
 * which step failed and what the call had already created or assigned. The copy is safe to call again: it finds
 * the target project by name, scopes and timeboxes by name and tasks by their {@code externalId} (the template
 * task's id), reads which solution scenario versions and processes a scope already has in scope, and creates or
 * assigns only what is missing. The cause is the failure of the step.
 */
public final class ProjectCopyException extends CalmException {

    private static final long serialVersionUID = 1L;

    /** The step that failed. */
    private final String step;
    /** The target project's id, or {@code null} if it was not found or created yet. */
    private final String targetProjectId;
    /** What the call created or assigned before the failure. */
    private final List<String> created;

    ProjectCopyException(String step, String targetProjectId, List<String> created, CalmException cause) {
        super(message(step, targetProjectId, created, cause), cause);
        this.step = step;
        this.targetProjectId = targetProjectId;
        this.created = List.copyOf(created);
    }

    private static String message(String step, String targetProjectId, List<String> created, CalmException cause) {
        return "copying the template project failed at: " + step + " (" + cause.getMessage() + "); "
                + (created.isEmpty() ? "nothing was created"
                        : "already created: " + String.join(", ", created))
                + (targetProjectId == null ? "" : "; target project " + targetProjectId)
                + ". Calling copyFromTemplate again creates only what is missing";
    }

    /**
     * The step that failed, e.g. {@code create task 'Design' (template task 42)}; the steps that activate a scope
     * start with {@code activate scope '<name>': }, e.g. {@code activate scope 'Wave 1': put 3 solution processes in
     * scope}.
     *
     * @return the step
     */
    public String step() {
        return step;
    }

    /**
     * The target project, when it was found or created before the failure.
     *
     * @return its id, if known
     */
    public Optional<String> targetProjectId() {
        return Optional.ofNullable(targetProjectId);
    }

    /**
     * What the call created or assigned before the failure, one line each, in order.
     *
     * @return the lines, unmodifiable
     */
    public List<String> created() {
        return created;
    }
}
