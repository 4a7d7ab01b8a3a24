package io.calmsdk.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.auth.AccessToken;
import io.calmsdk.auth.ClientCredentialsTokenProvider;
import io.calmsdk.core.model.CalmScope;
import io.calmsdk.core.model.ServiceKey;

/**
 * The rest of the first-run story, after the key exists: fetch a token with it, then use Cloud ALM as far
 * as the key's scopes allow (create a project and a task, list them), and say what was left out and why,
 * instead of failing with 403. Runs only against the in-process simulator: on a real tenant
 * {@code calm provision} never creates projects.
 */
final class DemoStory {

    static final String PROJECT_NAME = "calm-sdk demo";
    static final String TASK_TITLE = "Try the calm command line";

    private DemoStory() {
    }

    /**
     * Uses the new key as an application would, within its scopes.
     *
     * @param key the Cloud ALM key provisioning produced
     * @param context clock and sleeper
     * @param printer the output
     * @param reveal whether the token may be printed
     * @return what was done, as JSON
     */
    static ObjectNode run(ServiceKey key, CliContext context, Printer printer, boolean reveal) {
        ObjectNode story = printer.object();
        try (ClientCredentialsTokenProvider tokens = ClientCredentialsTokenProvider.builder().credentials(key)
                .options(context.clientOptions()).build();
             CloudAlmClient calm = CloudAlmClient.builder().credentials(key).tokenProvider(tokens)
                     .options(context.clientOptions()).build()) {
            AccessToken token = tokens.token();
            printer.line("");
            printer.line("Fetched a token with the new key:");
            TokenView.lines(token, tokens.tokenUrl().toString(), context.clock(), reveal).forEach(printer::line);
            story.set("token", TokenView.json(token, tokens.tokenUrl().toString(), reveal));

            printer.line("");
            printer.line("Called Cloud ALM at " + key.apiEndpoint() + " with it, as far as its scopes allow:");
            ArrayNode skipped = story.putArray("skipped");
            Project project = null;
            if (granted(token, CalmScope.PROJECTS_WRITE, skipped, printer, "creating a project")) {
                project = calm.projects().create(ProjectCreateRequest.of(PROJECT_NAME));
                printer.line("  created project \"" + project.name() + "\" (id " + project.id() + ")");
                story.putObject("project").put("id", project.id()).put("name", project.name());
            }
            if (project != null && granted(token, CalmScope.TASKS_WRITE, skipped, printer, "creating a task")) {
                Task task = calm.tasks().create(TaskCreateRequest.of(project.id(), TASK_TITLE));
                printer.line("  created task    \"" + task.title() + "\" (id " + task.id() + ")");
                story.putObject("task").put("id", task.id()).put("title", task.title());
            }
            if (granted(token, CalmScope.PROJECTS_READ, skipped, printer, "listing projects")) {
                ArrayNode projects = story.putArray("projects");
                printer.line("  projects:");
                for (Project p : calm.projects().list()) {
                    printer.line("    - " + p.name() + " (" + p.status().orElse("no status") + ")");
                    projects.addObject().put("id", p.id()).put("name", p.name());
                }
                if (projects.isEmpty()) {
                    printer.line("    (none yet)");
                }
            }
            if (project != null && granted(token, CalmScope.TASKS_READ, skipped, printer, "listing tasks")) {
                ArrayNode tasks = story.putArray("tasks");
                printer.line("  tasks of \"" + project.name() + "\":");
                for (Task t : calm.tasks().list(project.id())) {
                    printer.line("    - " + t.title() + " (" + t.type() + ", " + t.status().orElse("no status") + ")");
                    tasks.addObject().put("id", t.id()).put("title", t.title());
                }
            }
        }
        return story;
    }

    /** Whether the token carries the scope; if not, says which step is left out and why. */
    private static boolean granted(AccessToken token, CalmScope scope, ArrayNode skipped, Printer printer, String what) {
        if (token.scopes().stream().anyMatch(scope::matchesTokenScope)) {
            return true;
        }
        String shortName = scope.name().replaceFirst("^calm-api\\.", "");
        printer.line("  (skipped " + what + ": it needs " + shortName + ", which was not requested;"
                + " add it with --scopes)");
        skipped.addObject().put("what", what).put("needs", scope.name());
        return false;
    }
}
