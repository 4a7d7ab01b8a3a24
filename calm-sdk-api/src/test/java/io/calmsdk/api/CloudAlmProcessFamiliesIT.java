package io.calmsdk.api;

import static io.calmsdk.api.testing.SimulatedCloudAlm.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.model.AnalyticsProvider;
import io.calmsdk.api.model.BusinessProcess;
import io.calmsdk.api.model.DataSetRow;
import io.calmsdk.api.model.LandscapeObject;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.ProcessScope;
import io.calmsdk.api.model.ScopedSolutionProcess;
import io.calmsdk.api.model.SolutionProcess;
import io.calmsdk.api.model.StatusEvent;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.testing.SimulatedCloudAlm;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.PreconditionFailedException;
import io.calmsdk.core.exception.ValidationException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: the requirements, process management, process authoring, analytics, landscape and status
 * events clients against the testkit simulator.
 */
class CloudAlmProcessFamiliesIT {

    private static final String[] ALL = {"calm-api.projects.read", "calm-api.projects.write", "calm-api.tasks.read",
        "calm-api.tasks.write", "calm-api.processmanagement.read", "calm-api.processmanagement.write",
        "calm-api.processmanagement.delete", "calm-api.processauthoring.read", "calm-api.processauthoring.write",
        "calm-api.analytics.read", "calm-api.landscape.read", "calm-api.bsm.read"};

    @RegisterExtension
    static final SimulatedCloudAlm CALM = SimulatedCloudAlm.withODataPageSize(40);

    @Test
    void requirements_areTasksOfTypeCalmrequ_pagedAndCreated() {
        String projectId = CALM.sim().cloudAlm().createProject("Requirements");
        CALM.sim().cloudAlm().seedTasks(projectId, 1000);
        String plainTask = CALM.sim().cloudAlm().createTask(projectId, "Not a requirement", "CALMTASK");
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            List<Task> requirements = calm.requirements().list(projectId).stream().collect(Collectors.toList());
            assertThat(requirements).hasSize(250).allSatisfy(t -> assertThat(t.type()).isEqualTo(TaskType.REQUIREMENT));
            List<String> queries = CALM.queries("/api/calm-tasks/v1/tasks");
            assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q).contains("type=CALMREQU"));

            Task created = calm.requirements().create(projectId, "Three-way match");
            assertThat(created.type()).isEqualTo(TaskType.REQUIREMENT);
            assertThat(calm.requirements().get(created.id()).title()).isEqualTo("Three-way match");
            assertThat(calm.requirements().update(created.id(), r -> r.title("Three-way match v2")).title())
                    .isEqualTo("Three-way match v2");
            assertThat(calm.requirements().find(plainTask)).isEmpty();
            assertThatThrownBy(() -> calm.requirements().get(plainTask)).isInstanceOf(NotFoundException.class)
                    .hasMessageContaining("not a requirement");
            assertThatThrownBy(() -> calm.requirements().create(r -> r.projectId(projectId).title("x")
                    .type(TaskType.DEFECT))).isInstanceOf(ValidationException.class).hasMessageContaining("CALMREQU");
            calm.requirements().delete(created.id());
            assertThat(calm.requirements().find(created.id())).isEmpty();
        }
    }

    @Test
    void processManagement_scopesCrudPagingAndSolutionProcesses() {
        List<String> seeded = CALM.sim().cloudAlm().seedScopes("p1", 100);
        CALM.sim().cloudAlm().seedScopes("p2", 3);
        CALM.sim().cloudAlm().seedSolutionScenarioVersions(12);
        CALM.sim().cloudAlm().seedScopedSolutionProcesses("p1", seeded.get(0), 6);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            assertThat(calm.processManagement().listScopes(ODataQuery.builder().parameter("projectId", "p1")
                    .pageSize(40).build()).stream().map(ProcessScope::id).distinct().count()).isEqualTo(100);
            List<String> queries = CALM.queries("/api/calm-processmanagement/v1/scopes");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).contains("projectId=p1").contains("$count=true").contains("$top=40");

            ProcessScope scope = calm.processManagement().createScope(s -> s.projectId("p1").name("API test scope")
                    .description("test description"));
            assertThat(scope.id()).isNotBlank();
            ProcessScope renamed = calm.processManagement().updateScope(scope.id(), s -> s.name("API test scope Updated"));
            assertThat(renamed.name()).isEqualTo("API test scope Updated");
            assertThat(renamed.description()).contains("test description");
            calm.processManagement().deleteScope(scope.id());
            assertThat(calm.processManagement().findScope(scope.id())).isEmpty();

            assertThat(calm.processManagement().listSolutionScenarioVersions(ODataQuery.all())).hasSize(12);
            List<ScopedSolutionProcess> processes = calm.processManagement()
                    .listSolutionProcesses("p1", seeded.get(0)).stream().collect(Collectors.toList());
            assertThat(processes).hasSize(6);
            assertThat(processes.stream().filter(p -> p.isScoped().orElse(false)).count()).isEqualTo(3);
            assertThat(processes.get(0).solutionScenarioId()).contains("CUSTOM");

            List<String> versionIds = calm.processManagement().listSolutionScenarioVersions(ODataQuery.all()).stream()
                    .map(io.calmsdk.api.model.SolutionScenarioVersion::id).limit(2).collect(Collectors.toList());
            assertThat(calm.processManagement().assignSolutionScenarioVersions(seeded.get(0), versionIds))
                    .extracting(io.calmsdk.api.model.SolutionScenarioVersion::id).containsExactlyElementsOf(versionIds);
            assertThat(calm.processManagement().listScopeSolutionScenarioVersions(seeded.get(0))).hasSize(2);
            List<ScopedSolutionProcess> outOfScope = processes.stream().filter(p -> !p.isScoped().orElse(false))
                    .collect(Collectors.toList());
            assertThat(calm.processManagement().setScoped(seeded.get(0), outOfScope, true))
                    .hasSize(3).allSatisfy(p -> assertThat(p.isScoped()).contains(true));
            assertThat(calm.processManagement().listSolutionProcesses("p1", seeded.get(0)))
                    .allSatisfy(p -> assertThat(p.isScoped()).contains(true));
            assertThatThrownBy(() -> calm.processManagement().setScoped(seeded.get(0), List.of(), true))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("processes");
            assertThat(CALM.sim().journal().filter(e -> e.method().equals("PATCH")
                    && e.path().endsWith("/solutionProcesses/scopeAssignments"))).hasSize(1);
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.processmanagement.read",
                "calm-api.processmanagement.write"))) {
            assertForbidden(() -> calm.processManagement().deleteScope(seeded.get(1)),
                    "calm-api.processmanagement.delete");
        }
    }

    @Test
    void processAuthoring_etagFromHeaderGuardsChanges_andPaging() {
        CALM.sim().cloudAlm().seedBusinessProcesses(90);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            assertThat(calm.processAuthoring().listBusinessProcesses(ODataQuery.builder().pageSize(35).build())
                    .stream().count()).isEqualTo(90);
            assertThat(CALM.queries("/api/calm-processauthoring/v1/businessProcesses")).hasSize(3);

            BusinessProcess bp = calm.processAuthoring().createBusinessProcess(b -> b.name("BP via Public API")
                    .description("Business Process via Public API"));
            assertThat(bp.etag()).isPresent();
            SolutionProcess sp = calm.processAuthoring().createSolutionProcess(s -> s.name("SP via Public API")
                    .businessProcessId(bp.id()).countries("FR, US, DE").externalId("ext-1"));
            assertThat(sp.businessProcessId()).contains(bp.id());
            SolutionProcess read = calm.processAuthoring().getSolutionProcess(sp.id());
            String etag = read.etag().orElseThrow();
            SolutionProcess changed = calm.processAuthoring().updateSolutionProcess(sp.id(), etag,
                    s -> s.name("UPDATED - SP via Public API"));
            assertThat(changed.name()).isEqualTo("UPDATED - SP via Public API");
            assertThat(changed.countries()).contains("FR, US, DE");
            assertThat(changed.etag()).isPresent().isNotEqualTo(Optional.of(etag));
            assertThatThrownBy(() -> calm.processAuthoring().updateSolutionProcess(sp.id(), etag,
                    s -> s.name("Lost"))).isInstanceOf(PreconditionFailedException.class);
            assertThatThrownBy(() -> calm.processAuthoring().deleteSolutionProcess(sp.id(), etag))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(calm.processAuthoring().listSolutionProcesses(ODataQuery.builder().parameter("externalId",
                    "ext-1").build())).extracting(SolutionProcess::id).containsExactly(sp.id());
            calm.processAuthoring().deleteSolutionProcess(sp.id(), changed.etag().orElseThrow());
            calm.processAuthoring().deleteBusinessProcess(bp.id(), calm.processAuthoring().getBusinessProcess(bp.id())
                    .etag().orElseThrow());
            assertThatThrownBy(() -> calm.processAuthoring().getBusinessProcess(bp.id()))
                    .isInstanceOf(NotFoundException.class);
        }
        String withFlows = CALM.sim().cloudAlm().createSolutionProcessWithFlows(3);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.processauthoring.read"))) {
            List<io.calmsdk.api.model.SolutionProcess.Flow> flows = calm.processAuthoring()
                    .listSolutionProcessFlows(withFlows).stream().collect(Collectors.toList());
            assertThat(flows).extracting(io.calmsdk.api.model.SolutionProcess.Flow::name)
                    .containsExactly("Flow 1", "Flow 2", "Flow 3");
            assertThat(flows.get(0).solutionProcessId()).contains(withFlows);
            assertThat(calm.processAuthoring().getSolutionProcessFlow(flows.get(1).id()).description())
                    .contains("Seeded flow 2");
            assertThatThrownBy(() -> calm.processAuthoring().listSolutionProcessFlows("nope").stream().count())
                    .isInstanceOf(NotFoundException.class);
            assertForbidden(() -> calm.processAuthoring().createBusinessProcess(b -> b.name("No")),
                    "calm-api.processauthoring.write");
        }
    }

    @Test
    void analytics_providersAndDataSetOfOneProvider_pagedWithSkipTop() {
        CALM.sim().cloudAlm().addAnalyticsProvider("DP_TASKS", "Tasks");
        CALM.sim().cloudAlm().addAnalyticsProvider("DP_DEFECTS", "Defects");
        CALM.sim().cloudAlm().seedDataSet("DP_TASKS", 100);
        CALM.sim().cloudAlm().seedDataSet("DP_DEFECTS", 7);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            assertThat(calm.analytics().listProviders()).extracting(AnalyticsProvider::name)
                    .containsExactly("DP_TASKS", "DP_DEFECTS");
            CALM.sim().journal().clear();
            List<DataSetRow> rows = calm.analytics().listDataSet("DP_TASKS", ODataQuery.builder()
                    .where("query", "project=11111111-1111-1111-1111-111111111111").pageSize(40).build())
                    .stream().collect(Collectors.toList());
            assertThat(rows).hasSize(100);
            assertThat(rows.get(0).dimensionKey(1)).contains("status");
            assertThat(rows.get(1).dimensionValue(1)).contains("IN_PROGRESS");
            assertThat(rows.get(99).measureValue(1)).contains(100.0);
            List<String> queries = CALM.queries("/api/calm-analytics/v1/odata/v4/analytics/DataSet");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(0)).contains("provider%20eq%20'DP_TASKS'");
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.tasks.read"))) {
            assertForbidden(() -> calm.analytics().listDataSet("DP_TASKS").stream().count(), "calm-api.analytics.read");
        }
    }

    @Test
    void landscapeAndStatusEvents_restPagingWithFilters_unknownFilterRefusedBeforeSending() {
        CALM.sim().cloudAlm().seedLandscapeObjects(300);
        CALM.sim().cloudAlm().seedStatusEvents(30);
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key(ALL))) {
            CALM.sim().journal().clear();
            List<LandscapeObject> services = calm.landscape().list(Map.of("objectType", "CloudService"), 40)
                    .stream().collect(Collectors.toList());
            assertThat(services).hasSize(100).allSatisfy(o -> assertThat(o.objectType()).contains("CloudService"));
            List<String> queries = CALM.queries("/api/calm-landscape/v1/landscapeObjects");
            assertThat(queries).hasSize(3);
            assertThat(queries.get(2)).contains("offset=80").contains("limit=40").contains("objectType=CloudService");
            assertThat(calm.landscape().get(services.get(0).id()).name()).isEqualTo(services.get(0).name());

            assertThat(calm.statusEvents().list(Map.of("type", "DISRUPTION"), 5)).hasSize(10)
                    .allSatisfy(e -> assertThat(e.type()).contains("DISRUPTION"));
            StatusEvent first = calm.statusEvents().list().iterator().next();
            assertThat(first.startTime()).isPresent();
            long before = CALM.sim().journal().size();
            assertThatThrownBy(() -> calm.landscape().list(Map.of("colour", "red"), 10))
                    .isInstanceOf(ValidationException.class).hasMessageContaining("colour")
                    .hasMessageContaining("objectType");
            assertThat(CALM.sim().journal().size()).isEqualTo(before);
        }
        try (CloudAlmClient calm = CloudAlmClient.create(CALM.key("calm-api.landscape.read"))) {
            assertForbidden(() -> calm.statusEvents().list().stream().count(), "calm-api.bsm.read");
        }
    }
}
