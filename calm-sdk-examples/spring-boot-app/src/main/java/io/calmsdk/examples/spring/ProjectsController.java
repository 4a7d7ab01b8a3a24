package io.calmsdk.examples.spring;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.api.model.Project;
import io.calmsdk.api.model.ProjectCreateRequest;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Lists and creates Cloud ALM projects with the {@link CloudAlmClient} bean of the starter. */
@RestController
public class ProjectsController {

    private final CloudAlmClient calm;

    /**
     * Creates the controller.
     *
     * @param calm the client the starter created from the Cloud ALM key
     */
    public ProjectsController(CloudAlmClient calm) {
        this.calm = calm;
    }

    /**
     * The names of every project, read page by page.
     *
     * @return the project names
     */
    // tag::spring-controller[]
    @GetMapping("/projects")
    public List<String> projects() {
        return calm.projects().list().stream().map(Project::name).collect(Collectors.toList());
    }

    @PostMapping("/projects")
    public String create(@RequestParam("name") String name) {
        return calm.projects().create(ProjectCreateRequest.of(name)).id();
    }
    // end::spring-controller[]
}
