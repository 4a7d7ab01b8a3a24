package io.calmsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.model.SolutionProcessAssignment;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.Team;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.testing.SimulatedCloudAlm;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.ValidationException;
import io.calmsdk.core.model.CalmScope;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Acceptance: timebox changes, team staffing, task references and solution process assignments. */
class ProjectsTasksCompletionIT {

    private static final String[] ALL = {"calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read",
        "calm-api.tasks.write"};

    @RegisterExtension
    static final SimulatedCloudAlm CALM = SimulatedCloudAlm.create();

    @Test
    void timeboxes_updateClosesAndRenames() {
        String projectId = CALM.sim().cloudAlm().createProject("Sprints");
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            Timebox sprint = calm.projects().listTimeboxes(projectId).iterator().next();
            Timebox changed = calm.projects().updateTimebox(sprint.id(), t -> t.name("Sprint 1 (hardening)")
                    .endDate(LocalDate.of(2030, 1, 31)).closed(true));
            assertThat(changed.name()).isEqualTo("Sprint 1 (hardening)");
            assertThat(changed.endDate()).contains(LocalDate.of(2030, 1, 31));
            assertThat(calm.projects().listTimeboxes(projectId)).extracting(Timebox::name)
                    .contains("Sprint 1 (hardening)");
            assertThatThrownBy(() -> calm.projects().updateTimebox(sprint.id(), t -> { }))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("sets no field");
            assertThatThrownBy(() -> calm.projects().updateTimebox("nope", t -> t.closed(true)))
                    .isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void teams_rolesAreStaffedByEmail_asInTheStaffingNotebook() {
        String projectId = CALM.sim().cloudAlm().createProject("Staffing");
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            Team team = calm.projects().listTeams(projectId).iterator().next();
            assertThat(team.projectId()).contains(projectId);
            List<Team.Role> roles = calm.projects().listTeamRoles(team.id()).stream().toList();
            Team.Role expert = roles.stream().filter(r -> r.roleName().equals(Optional.of("Configuration Expert")))
                    .findFirst().orElseThrow();
            assertThat(expert.members()).isEmpty();
            Team.Role staffed = calm.projects().updateTeamRoleMembers(team.id(), expert.roleId(),
                    List.of("test@example.com", "test.2@example.com"));
            assertThat(staffed.members()).extracting(Team.Member::userEmail)
                    .containsExactly(Optional.of("test@example.com"), Optional.of("test.2@example.com"));
            assertThat(calm.projects().listTeamRoles(team.id())).filteredOn(r -> r.roleId().equals(expert.roleId()))
                    .singleElement().satisfies(r -> assertThat(r.members()).hasSize(2));
            assertThatThrownBy(() -> calm.projects().listTeamRoles("no-team").iterator().next())
                    .isInstanceOf(NotFoundException.class);
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.projects.read"))) {
            Team team = calm.projects().listTeams(projectId).iterator().next();
            String roleId = calm.projects().listTeamRoles(team.id()).iterator().next().roleId();
            assertThatThrownBy(() -> calm.projects().updateTeamRoleMembers(team.id(), roleId, List.of("a@example.com")))
                    .isInstanceOfSatisfying(ForbiddenException.class, e -> assertThat(e.requiredScope()
                            .map(CalmScope::name)).contains("calm-api.projects.write"));
        }
    }

    @Test
    void taskReferences_crud_andSolutionProcessAssignments() {
        String projectId = CALM.sim().cloudAlm().createProject("References");
        String taskId = CALM.sim().cloudAlm().createTask(projectId, "Configure pricing", "CALMUS");
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            Task.Reference ref = calm.tasks().createReference(taskId, "Link to SAP", "http://www.sap.com");
            assertThat(ref.id()).isNotBlank();
            Task.Reference changed = calm.tasks().updateReference(ref.id(), "Expert Portal",
                    "https://support.sap.com/en/alm/sap-cloud-alm.html");
            assertThat(changed.name()).contains("Expert Portal");
            assertThat(calm.tasks().listReferences(taskId)).extracting(Task.Reference::url)
                    .containsExactly(Optional.of("https://support.sap.com/en/alm/sap-cloud-alm.html"));
            calm.tasks().deleteReference(ref.id());
            assertThat(calm.tasks().listReferences(taskId)).isEmpty();
            assertThatThrownBy(() -> calm.tasks().deleteReference(ref.id())).isInstanceOf(NotFoundException.class);

            calm.tasks().assignSolutionProcesses(List.of(SolutionProcessAssignment.of(taskId, "scope-1", "ssv-1",
                    "sp-1")));
            assertThat(calm.tasks().listSolutionProcessAssignments(projectId)).singleElement().satisfies(a -> {
                assertThat(a.taskId()).isEqualTo(taskId);
                assertThat(a.solutionProcessId()).contains("sp-1");
            });
            assertThatThrownBy(() -> calm.tasks().assignSolutionProcesses(List.of()))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("assignments");
            assertThatThrownBy(() -> SolutionProcessAssignment.of(taskId, " ", "ssv", "sp"))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("scopeId");
        }
    }
}
