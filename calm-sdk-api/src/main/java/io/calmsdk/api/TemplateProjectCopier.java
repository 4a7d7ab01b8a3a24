package io.calmsdk.api;

import io.calmsdk.api.model.ProcessScope;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCopy;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.ScopedSolutionProcess;
import io.calmsdk.api.model.SolutionProcessAssignment;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.core.exception.CalmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Copies a template project the way SAP's copy-template notebook ({@code calm-copy-template-project.ipynb})
 * does, within one tenant: find or create the target project by name; create the template's scopes by name;
 * activate each new scope as its template scope is activated: assign the solution scenario versions (content
 * release versions) the template scope has, and put in scope the solution processes in scope there; create the
 * template's tasks (not roadmap {@code CALMTMPL} items nor sub-tasks), each with the template task's id as
 * {@code externalId}; add the template's solution process assignments for the new tasks and scopes; then create
 * the sub-tasks below the new parents. The notebook activates only the scenario versions and processes its task
 * assignments name (and sends {@code statusId: DESIGN}, which SAP's process scopes notebook does not); this
 * activates those and every other one the template scope has, without a status. Beyond the notebook it also
 * creates the template's timeboxes by name. Every step looks before it creates or assigns, so a second call
 * after a failure creates only what is missing. One instance per call; not thread-safe.
 */
final class TemplateProjectCopier {

    private static final String ROADMAP_TYPE = "CALMTMPL";

    private final ProjectsClient projects;
    private final TasksClient tasks;
    private final ProcessManagementClient scopes;
    private final List<String> created = new ArrayList<>();
    private final Map<String, String> scopeNames = new HashMap<>();
    private final Map<String, List<String>> versionsAssigned = new LinkedHashMap<>();
    private int processesScoped;
    private String targetId;

    TemplateProjectCopier(ProjectsClient projects, TasksClient tasks, ProcessManagementClient scopes) {
        this.projects = projects;
        this.tasks = tasks;
        this.scopes = scopes;
    }

    private <T> T step(String step, Supplier<T> action) {
        try {
            return action.get();
        } catch (CalmException e) {
            throw new ProjectCopyException(step, targetId, created, e);
        }
    }

    /** {@link #step(String, Supplier)} for a step that returns nothing (a listing that fills a local map). */
    private void run(String step, Runnable action) {
        step(step, () -> {
            action.run();
            return null;
        });
    }

    ProjectCopy copy(String templateProjectId, String targetName) {
        Project template = step("read template project " + templateProjectId, () -> projects.get(templateProjectId));
        Project existing = step("look up target project '" + targetName + "'", () -> projects.list().stream()
                .filter(p -> p.name().equals(targetName)).findFirst().orElse(null));
        boolean projectCreated = existing == null;
        Project target = existing != null ? existing : step("create target project '" + targetName + "'", () ->
                projects.create(ProjectCreateRequest.of(targetName)));
        targetId = target.id();
        if (projectCreated) {
            created.add("project '" + targetName + "' (" + target.id() + ")");
        }
        Map<String, String> scopeIds = copyScopes(template.id());
        Map<String, String> timeboxIds = copyTimeboxes(template.id());
        List<SolutionProcessAssignment> templateAssignments = step("list template solution process assignments",
                () -> tasks.listSolutionProcessAssignments(template.id()).stream().toList());
        activateScopes(template.id(), scopeIds, templateAssignments);
        List<Task> templateTasks = step("list template tasks", () -> tasks.list(template.id()).stream().toList());
        Map<String, String> taskIds = step("list target tasks", this::targetTasksByExternalId);
        for (Task t : templateTasks) {
            String type = t.type().value();
            if (!type.equals(ROADMAP_TYPE) && !t.type().equals(TaskType.SUB_TASK)) {
                copyTask(t, null, taskIds);
            }
        }
        int assignments = copyAssignments(templateAssignments, scopeIds, taskIds);
        for (Task t : templateTasks) {
            if (t.type().equals(TaskType.SUB_TASK)) {
                String parent = t.parentId().map(taskIds::get).orElse(null);
                if (parent != null) {
                    copyTask(t, parent, taskIds);
                }
            }
        }
        return new ProjectCopy(target, projectCreated, scopeIds, timeboxIds, taskIds, assignments, versionsAssigned,
                processesScoped, created);
    }

    private Map<String, String> copyScopes(String templateId) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<ProcessScope> template = step("list template scopes", () -> scopes.listScopes(templateId).stream()
                .toList());
        Map<String, String> byName = new HashMap<>();
        run("list target scopes", () -> scopes.listScopes(targetId)
                .forEach(s -> byName.putIfAbsent(s.name(), s.id())));
        for (ProcessScope s : template) {
            scopeNames.put(s.id(), s.name());
            String id = byName.get(s.name());
            if (id == null) {
                ProcessScope made = step("create scope '" + s.name() + "'", () -> scopes.createScope(b -> {
                    b.projectId(targetId).name(s.name());
                    s.description().ifPresent(b::description);
                }));
                id = made.id();
                byName.put(s.name(), id);
                created.add("scope '" + s.name() + "' (" + id + ")");
            }
            ids.put(s.id(), id);
        }
        return ids;
    }

    /**
     * The activation step of SAP's notebook, per template scope: assigns the scenario versions the template scope
     * has (or its task assignments name) that the target scope lacks, then puts in scope the target scope's
     * processes that are in scope in the template scope (or named by its task assignments) and not yet in scope.
     */
    private void activateScopes(String templateId, Map<String, String> scopeIds,
                                List<SolutionProcessAssignment> templateAssignments) {
        for (Map.Entry<String, String> e : scopeIds.entrySet()) {
            String templateScope = e.getKey();
            String targetScope = e.getValue();
            String name = scopeNames.get(templateScope);
            String activate = "activate scope '" + name + "': ";
            Set<String> versions = new LinkedHashSet<>();
            Set<String> inScope = new LinkedHashSet<>();
            run(activate + "list the template scope's solution scenario versions", () -> {
                scopes.listScopeSolutionScenarioVersions(templateScope).forEach(v -> versions.add(v.id()));
            });
            run(activate + "list the template scope's solution processes", () -> {
                for (ScopedSolutionProcess p : scopes.listSolutionProcesses(templateId, templateScope)) {
                    if (p.isScoped().orElse(false)) {
                        inScope.add(processKey(p.solutionProcessId(), p.solutionScenarioVersionId().orElse("")));
                        p.solutionScenarioVersionId().ifPresent(versions::add);
                    }
                }
            });
            for (SolutionProcessAssignment a : templateAssignments) {
                if (a.scopeId().filter(templateScope::equals).isPresent()
                        && a.solutionScenarioVersionId().isPresent()) {
                    versions.add(a.solutionScenarioVersionId().get());
                    a.solutionProcessId().ifPresent(sp -> inScope.add(processKey(sp,
                            a.solutionScenarioVersionId().get())));
                }
            }
            if (!versions.isEmpty()) {
                assignVersions(activate, name, targetScope, versions);
            }
            if (!inScope.isEmpty()) {
                scopeProcesses(activate, name, targetScope, inScope);
            }
        }
    }

    private static String processKey(String solutionProcessId, String solutionScenarioVersionId) {
        return solutionProcessId + "|" + solutionScenarioVersionId;
    }

    private void assignVersions(String activate, String name, String targetScope, Set<String> versions) {
        Set<String> has = new HashSet<>();
        run(activate + "list its solution scenario versions", () -> {
            scopes.listScopeSolutionScenarioVersions(targetScope).forEach(v -> has.add(v.id()));
        });
        List<String> missing = versions.stream().filter(v -> !has.contains(v)).toList();
        if (!missing.isEmpty()) {
            step(activate + "assign " + missing.size() + " solution scenario versions " + missing, () ->
                    scopes.assignSolutionScenarioVersions(targetScope, missing));
            versionsAssigned.put(targetScope, missing);
            created.add(missing.size() + " solution scenario versions " + missing + " assigned to scope '" + name
                    + "' (" + targetScope + ")");
        }
    }

    private void scopeProcesses(String activate, String name, String targetScope, Set<String> inScope) {
        List<ScopedSolutionProcess> missing = new ArrayList<>();
        run(activate + "list its solution processes", () -> {
            for (ScopedSolutionProcess p : scopes.listSolutionProcesses(targetId, targetScope)) {
                boolean wanted = inScope.contains(processKey(p.solutionProcessId(),
                        p.solutionScenarioVersionId().orElse("")))
                        || inScope.contains(processKey(p.solutionProcessId(), ""));
                if (wanted && !p.isScoped().orElse(false) && p.solutionProcessVersionId().isPresent()) {
                    missing.add(p);
                }
            }
        });
        if (!missing.isEmpty()) {
            step(activate + "put " + missing.size() + " solution processes in scope", () ->
                    scopes.setScoped(targetScope, missing, true));
            processesScoped += missing.size();
            created.add(missing.size() + " solution processes of scope '" + name + "' (" + targetScope
                    + ") put in scope");
        }
    }

    private Map<String, String> copyTimeboxes(String templateId) {
        Map<String, String> ids = new LinkedHashMap<>();
        List<Timebox> template = step("list template timeboxes", () -> projects.listTimeboxes(templateId).stream()
                .toList());
        Map<String, String> byName = new HashMap<>();
        run("list target timeboxes", () -> {
            projects.listTimeboxes(targetId).forEach(t -> byName.putIfAbsent(t.name(), t.id()));
        });
        for (Timebox t : template) {
            String id = byName.get(t.name());
            if (id == null && t.startDate().isPresent() && t.endDate().isPresent()) {
                TimeboxCreateRequest request = TimeboxCreateRequest.builder().name(t.name()).type(type(t))
                        .startDate(t.startDate().get()).endDate(t.endDate().get()).build();
                id = step("create timebox '" + t.name() + "'", () -> projects.createTimebox(targetId, request)).id();
                byName.put(t.name(), id);
                created.add("timebox '" + t.name() + "' (" + id + ")");
            }
            if (id != null) {
                ids.put(t.id(), id);
            }
        }
        return ids;
    }

    private static TimeboxCreateRequest.Type type(Timebox t) {
        String code = t.type().orElse("");
        for (TimeboxCreateRequest.Type type : TimeboxCreateRequest.Type.values()) {
            if (code.equals(Integer.toString(type.code())) || code.equalsIgnoreCase(type.name())) {
                return type;
            }
        }
        return TimeboxCreateRequest.Type.SPRINT;
    }

    private Map<String, String> targetTasksByExternalId() {
        Map<String, String> ids = new LinkedHashMap<>();
        tasks.list(targetId).forEach(t -> t.externalId().ifPresent(x -> ids.putIfAbsent(x, t.id())));
        return ids;
    }

    private void copyTask(Task t, String parentId, Map<String, String> taskIds) {
        if (taskIds.containsKey(t.id())) {
            return;
        }
        TaskCreateRequest.Builder b = TaskCreateRequest.builder().projectId(targetId).title(t.title()).type(t.type())
                .externalId(t.id());
        t.description().ifPresent(b::description);
        t.dueDate().ifPresent(b::dueDate);
        t.priorityId().ifPresent(b::priorityId);
        if (parentId != null) {
            b.parentId(parentId);
        }
        String what = (parentId == null ? "task '" : "sub-task '") + t.title() + "'";
        Task made = step("create " + what + " (template task " + t.id() + ")", () -> tasks.create(b.build()));
        taskIds.put(t.id(), made.id());
        created.add(what + " (" + made.id() + ")");
    }

    private int copyAssignments(List<SolutionProcessAssignment> template, Map<String, String> scopeIds,
                                Map<String, String> taskIds) {
        Set<String> existing = new HashSet<>();
        run("list target solution process assignments", () -> {
            tasks.listSolutionProcessAssignments(targetId).forEach(a -> existing.add(a.taskId() + "|"
                    + a.solutionProcessId().orElse("")));
        });
        List<SolutionProcessAssignment> missing = new ArrayList<>();
        for (SolutionProcessAssignment a : template) {
            String task = taskIds.get(a.taskId());
            String scope = a.scopeId().map(scopeIds::get).orElse(null);
            if (task == null || scope == null || a.solutionScenarioVersionId().isEmpty()
                    || a.solutionProcessId().isEmpty()
                    || !existing.add(task + "|" + a.solutionProcessId().get())) {
                continue;
            }
            missing.add(SolutionProcessAssignment.of(task, scope, a.solutionScenarioVersionId().get(),
                    a.solutionProcessId().get()));
        }
        if (!missing.isEmpty()) {
            run("assign " + missing.size() + " solution processes", () -> tasks.assignSolutionProcesses(missing));
            created.add(missing.size() + " solution process assignments");
        }
        return missing.size();
    }
}
