package io.calmsdk.examples;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskCreateRequest;
import io.calmsdk.api.model.TaskListRequest;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.core.model.ServiceKey;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Calls Cloud ALM with a service key: creates a project and tasks, then lists the project's user
 * stories. One client, one cached token, lazy paging.
 *
 * <p>With {@code CALM_SERVICE_KEY} (the key's JSON or a file path) set it uses that key; without it, a
 * key of an in-process simulator.
 */
public final class ProjectsAndTasks {

    private ProjectsAndTasks() {
    }

    /**
     * Runs the example.
     *
     * @param args not used
     */
    public static void main(String[] args) {
        try (ExampleSetup setup = ExampleSetup.forVariable("CALM_SERVICE_KEY")) {
            System.out.println("User stories: " + run(setup.cloudAlmKey()));
        }
    }

    /**
     * Creates a project with a task and a user story and lists the project's user stories.
     *
     * @param key a Cloud ALM service key with the projects and tasks write scopes
     * @return the titles of the project's user stories
     */
    public static List<String> run(ServiceKey key) {
        // tag::projects-and-tasks[]
        try (CloudAlmClient calm = CloudAlmClient.create(key)) {
            Project project = calm.projects().create(ProjectCreateRequest.of("S/4HANA rollout"));
            calm.tasks().create(TaskCreateRequest.of(project.id(), "Prepare cutover"));
            calm.tasks().create(TaskCreateRequest.builder()
                    .projectId(project.id()).title("As a planner I see the cutover plan").type(TaskType.USER_STORY)
                    .build());

            TaskListRequest stories = TaskListRequest.builder()
                    .projectId(project.id()).type(TaskType.USER_STORY).build();
            return calm.tasks().list(stories).stream()        // fetched page by page, as you iterate
                    .map(Task::title)
                    .collect(Collectors.toList());
        }
        // end::projects-and-tasks[]
    }
}
