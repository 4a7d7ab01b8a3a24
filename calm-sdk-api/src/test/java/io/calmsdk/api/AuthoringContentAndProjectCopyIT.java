package io.calmsdk.api;

import static io.calmsdk.api.testing.SimulatedCloudAlm.assertForbidden;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.model.BusinessProcess;
import io.calmsdk.api.model.ODataQuery;
import io.calmsdk.api.model.ProcessDiagramRequest;
import io.calmsdk.api.model.ProcessScope;
import io.calmsdk.api.model.ProjectCopy;
import io.calmsdk.api.model.ScopedSolutionProcess;
import io.calmsdk.api.model.SolutionProcess;
import io.calmsdk.api.model.SolutionProcessAssignment;
import io.calmsdk.api.model.SolutionScenarioVersion;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.api.model.Timebox;
import io.calmsdk.api.model.TimeboxCreateRequest;
import io.calmsdk.api.testing.SimulatedCloudAlm;
import io.calmsdk.core.exception.NotFoundException;
import io.calmsdk.core.exception.PreconditionFailedException;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Acceptance: the process authoring content (assets, flow diagrams, value-flow diagrams, publish and draft),
 * sub-task listing, timebox delete and the template project copy (with the activation of its scopes), through
 * java.net.http against the simulator.
 */
class AuthoringContentAndProjectCopyIT {

    private static final String[] AUTHORING = {"calm-api.processauthoring.read", "calm-api.processauthoring.write"};
    private static final String[] PROJECTS = {"calm-api.projects.read", "calm-api.projects.write",
        "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processmanagement.read",
        "calm-api.processmanagement.write"};

    @RegisterExtension
    static final SimulatedCloudAlm CALM = SimulatedCloudAlm.withODataPageSize(40);

    private static BtpSimulator sim() {
        return CALM.sim();
    }

    private static SolutionProcess newSolutionProcess(CloudAlmClient calm, String name) {
        BusinessProcess bp = calm.processAuthoring().createBusinessProcess(b -> b.name("BP for " + name));
        return calm.processAuthoring().createSolutionProcess(s -> s.name(name).businessProcessId(bp.id()));
    }

    @Test
    void assets_pagedOverThreePages_crudWithEtags_andNotebookBody() {
        try (CloudAlmClient calm = CALM.client(AUTHORING)) {
            SolutionProcess sp = newSolutionProcess(calm, "With assets");
            sim().cloudAlm().seedAssets(sp.id(), 100);
            sim().journal().clear();
            List<SolutionProcess.Asset> all = calm.processAuthoring().listAssets(ODataQuery.builder().pageSize(40)
                    .build()).stream().collect(Collectors.toList());
            assertThat(all).hasSize(100).allSatisfy(a -> assertThat(a.urls()).containsKey("DE"));
            assertThat(CALM.queries("/api/calm-processauthoring/v1/assets")).hasSize(3);

            Map<String, String> urls = new LinkedHashMap<>();
            urls.put("US", "https://en.wikipedia.org/wiki/SAP");
            urls.put("FR", "https://www.sap.com/france/index.html");
            SolutionProcess.Asset asset = calm.processAuthoring().createAsset(sp.id(), "Asset via API", urls);
            JsonNode stored = sim().cloudAlm().find("/calm-processauthoring/v1/assets", asset.id()).orElseThrow();
            assertThat(stored.path("countryUrl").toString()).isEqualTo("[{\"country\":\"US\",\"url\":"
                    + "\"https://en.wikipedia.org/wiki/SAP\"},{\"country\":\"FR\",\"url\":"
                    + "\"https://www.sap.com/france/index.html\"}]");
            assertThat(calm.processAuthoring().listAssets(sp.id())).hasSize(101);

            SolutionProcess.Asset read = calm.processAuthoring().getAsset(asset.id());
            String etag = read.etag().orElseThrow();
            SolutionProcess.Asset changed = calm.processAuthoring().updateAsset(asset.id(), etag, "Renamed",
                    Map.of("DE", "https://api.sap.com/package/SAPCloudALM/rest"));
            assertThat(changed.urls()).containsOnlyKeys("DE");
            assertThatThrownBy(() -> calm.processAuthoring().deleteAsset(asset.id(), etag))
                    .isInstanceOf(PreconditionFailedException.class);
            calm.processAuthoring().deleteAsset(asset.id(), changed.etag().orElseThrow());
            assertThatThrownBy(() -> calm.processAuthoring().getAsset(asset.id()))
                    .isInstanceOf(NotFoundException.class);
        }
        try (CloudAlmClient readOnly = CALM.client("calm-api.processauthoring.read")) {
            String spId = sim().cloudAlm().createSolutionProcessWithFlows(1);
            assertForbidden(() -> readOnly.processAuthoring().createAsset(spId, "x", Map.of("", "https://x")),
                    "calm-api.processauthoring.write");
        }
        try (CloudAlmClient none = CALM.client("calm-api.projects.read")) {
            assertForbidden(() -> none.processAuthoring().listAssets(ODataQuery.all()).iterator().hasNext(),
                    "calm-api.processauthoring.read");
        }
    }

    @Test
    void flowDiagrams_pagedCreatedFromSvgAndBpmn_updatedAndDeletedWithEtags() {
        String spId = sim().cloudAlm().createSolutionProcessWithFlows(1);
        try (CloudAlmClient calm = CALM.client(AUTHORING)) {
            SolutionProcess.Flow flow = calm.processAuthoring().listSolutionProcessFlows(spId).iterator().next();
            sim().cloudAlm().seedFlowDiagrams(flow.id(), 100);
            sim().journal().clear();
            assertThat(calm.processAuthoring().listFlowDiagrams(ODataQuery.builder().pageSize(40).build()).stream()
                    .toList()).hasSize(100).allSatisfy(d -> assertThat(d.ownerId()).contains(flow.id()));
            assertThat(CALM.queries("/api/calm-processauthoring/v1/solutionProcessFlowDiagrams")).hasSize(3);

            SolutionProcess.Diagram svg = calm.processAuthoring().createFlowDiagram(flow.id(),
                    ProcessDiagramRequest.builder().name("SPFD via API").description("drawn").svg("<svg/>").build());
            SolutionProcess.Diagram bpmn = calm.processAuthoring().createFlowDiagramFromBpmn(flow.id(), "From BPMN",
                    "<?xml version='1.0'?><bpmn2:definitions id='d'></bpmn2:definitions>");
            assertThat(bpmn.svg()).isPresent();
            assertThat(calm.processAuthoring().listFlowDiagrams(flow.id())).hasSize(102);

            String etag = calm.processAuthoring().getFlowDiagram(svg.id()).etag().orElseThrow();
            SolutionProcess.Diagram renamed = calm.processAuthoring().updateFlowDiagram(svg.id(), etag,
                    ProcessDiagramRequest.builder().name("UPDATED - SPFD").build());
            assertThat(renamed.name()).isEqualTo("UPDATED - SPFD");
            assertThat(renamed.description()).contains("drawn");
            assertThatThrownBy(() -> calm.processAuthoring().updateFlowDiagram(svg.id(), etag,
                    ProcessDiagramRequest.builder().description("stale").build()))
                    .isInstanceOf(PreconditionFailedException.class);
            calm.processAuthoring().deleteFlowDiagram(svg.id(), renamed.etag().orElseThrow());
            assertThat(calm.processAuthoring().listFlowDiagrams(flow.id())).hasSize(101);

            SolutionProcess.Flow flowRead = calm.processAuthoring().getSolutionProcessFlow(flow.id());
            SolutionProcess.Flow flowChanged = calm.processAuthoring().updateSolutionProcessFlow(flow.id(),
                    flowRead.etag().orElseThrow(), "UPDATED - SPF", null);
            assertThat(flowChanged.name()).isEqualTo("UPDATED - SPF");
        }
    }

    @Test
    void valueFlowDiagram_onePerProcess_readAndUpdatedWithEtag() {
        try (CloudAlmClient calm = CALM.client(AUTHORING)) {
            SolutionProcess sp = newSolutionProcess(calm, "With value flow");
            SolutionProcess.Diagram svf = calm.processAuthoring().getValueFlowDiagramOf(sp.id());
            assertThat(svf.ownerId()).contains(sp.id());
            assertThat(calm.processAuthoring().getValueFlowDiagramOf(sp.id()).id()).isEqualTo(svf.id());
            SolutionProcess.Diagram changed = calm.processAuthoring().updateValueFlowDiagram(svf.id(),
                    svf.etag().orElseThrow(), ProcessDiagramRequest.builder().name("UPDATED - SVF").svg("<svg/>")
                            .build());
            assertThat(changed.svg()).contains("<svg/>");
            assertThatThrownBy(() -> calm.processAuthoring().updateValueFlowDiagram(svf.id(),
                    svf.etag().orElseThrow(), ProcessDiagramRequest.builder().name("stale").build()))
                    .isInstanceOf(PreconditionFailedException.class);
            assertThat(calm.processAuthoring().getValueFlowDiagram(svf.id()).name()).isEqualTo("UPDATED - SVF");
            assertThat(calm.processAuthoring().listValueFlowDiagrams(ODataQuery.all())).hasSize(1);
        }
    }

    @Test
    void publishAndCreateDraft_needCurrentEtag_andPublishingTheDraftReplacesTheOriginal() {
        try (CloudAlmClient calm = CALM.client(AUTHORING)) {
            SolutionProcess sp = newSolutionProcess(calm, "Order to cash");
            String etag = calm.processAuthoring().getSolutionProcess(sp.id()).etag().orElseThrow();
            SolutionProcess published = calm.processAuthoring().publishSolutionProcess(sp.id(), etag);
            assertThat(published.status()).contains("ACTIVE");
            assertThatThrownBy(() -> calm.processAuthoring().createDraftSolutionProcess(sp.id(), etag))
                    .isInstanceOf(PreconditionFailedException.class);
            SolutionProcess draft = calm.processAuthoring().createDraftSolutionProcess(sp.id(),
                    published.etag().orElseThrow());
            assertThat(draft.id()).isNotEqualTo(sp.id());
            assertThat(draft.status()).contains("DRAFT");
            SolutionProcess edited = calm.processAuthoring().updateSolutionProcess(draft.id(),
                    draft.etag().orElseThrow(), u -> u.name("Order to cash v2"));
            SolutionProcess replaced = calm.processAuthoring().publishSolutionProcess(draft.id(),
                    edited.etag().orElseThrow());
            assertThat(replaced.id()).isEqualTo(sp.id());
            assertThat(calm.processAuthoring().getSolutionProcess(sp.id()).name()).isEqualTo("Order to cash v2");
            assertThatThrownBy(() -> calm.processAuthoring().getSolutionProcess(draft.id()))
                    .isInstanceOf(NotFoundException.class);
        }
        try (CloudAlmClient readOnly = CALM.client("calm-api.processauthoring.read")) {
            String spId = sim().cloudAlm().createSolutionProcessWithFlows(0);
            assertForbidden(() -> readOnly.processAuthoring().publishSolutionProcess(spId, "W/\"x\""),
                    "calm-api.processauthoring.write");
        }
    }

    @Test
    void subTasks_ofOneParent_pagedOverThreePages() {
        String projectId = sim().cloudAlm().createProject("Sub-tasks");
        String parent = sim().cloudAlm().createTask(projectId, "Story", "CALMUS");
        String other = sim().cloudAlm().createTask(projectId, "Other story", "CALMUS");
        sim().cloudAlm().seedSubTasks(parent, 230);
        sim().cloudAlm().seedSubTasks(other, 20);
        try (CloudAlmClient calm = CALM.client(PROJECTS)) {
            sim().journal().clear();
            List<Task> subTasks = calm.tasks().listSubTasks(parent).stream().collect(Collectors.toList());
            assertThat(subTasks).hasSize(230).allSatisfy(t -> {
                assertThat(t.parentId()).contains(parent);
                assertThat(t.type()).isEqualTo(TaskType.SUB_TASK);
            });
            List<String> queries = CALM.queries("/api/calm-tasks/v1/tasks");
            assertThat(queries).hasSize(3).allSatisfy(q -> assertThat(q).contains("type=CALMST"));
            assertThat(calm.tasks().listSubTasks(other)).hasSize(20);
            assertThatThrownBy(() -> calm.tasks().listSubTasks("no-such-task").iterator().hasNext())
                    .isInstanceOf(NotFoundException.class);
        }
        try (CloudAlmClient noTasks = CALM.client("calm-api.projects.read")) {
            assertForbidden(() -> noTasks.tasks().listSubTasks(parent).iterator().hasNext(), "calm-api.tasks.read");
        }
    }

    @Test
    void deleteTimebox_removesIt_andNeedsProjectsWrite() {
        String projectId = sim().cloudAlm().createProject("Timeboxes");
        try (CloudAlmClient calm = CALM.client(PROJECTS)) {
            Timebox sprint = calm.projects().createTimebox(projectId, TimeboxCreateRequest.sprint("Sprint 9",
                    LocalDate.of(2025, 3, 3), LocalDate.of(2025, 3, 14)));
            try (CloudAlmClient readOnly = CALM.client("calm-api.projects.read")) {
                assertForbidden(() -> readOnly.projects().deleteTimebox(sprint.id()), "calm-api.projects.write");
            }
            calm.projects().deleteTimebox(sprint.id());
            assertThat(calm.projects().listTimeboxes(projectId)).extracting(Timebox::id).doesNotContain(sprint.id());
            assertThatThrownBy(() -> calm.projects().deleteTimebox(sprint.id())).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void copyFromTemplate_copiesAsTheNotebook_isIdempotent_andAFailureNamesStepAndCreatedItems() {
        String template = sim().cloudAlm().createProject("Template");
        List<String> scopeIds = sim().cloudAlm().seedScopes(template, 2);
        String story = sim().cloudAlm().createTask(template, "Story", "CALMUS");
        String task = sim().cloudAlm().createTask(template, "Task", "CALMTASK");
        sim().cloudAlm().seedSubTasks(story, 2);
        try (CloudAlmClient calm = CALM.client(PROJECTS)) {
            calm.projects().createTimebox(template, TimeboxCreateRequest.sprint("Kick-off sprint",
                    LocalDate.of(2025, 1, 6), LocalDate.of(2025, 1, 17)));
            List<Timebox> templateTimeboxes = calm.projects().listTimeboxes(template).stream().toList();
            // The task is assigned to a process of a version that only the other template scope has: the copy activates
            // it in the task's scope too, as SAP's notebook activates what the task assignments name.
            String version = sim().cloudAlm().addSolutionScenarioVersion("Lead to cash", 2);
            calm.processManagement().assignSolutionScenarioVersions(scopeIds.get(1), List.of(version));
            String process = calm.processManagement().listSolutionProcesses(template, scopeIds.get(1)).iterator()
                    .next().solutionProcessId();
            calm.tasks().assignSolutionProcesses(List.of(SolutionProcessAssignment.of(task, scopeIds.get(0), version,
                    process)));

            try (CloudAlmClient noScopeWrite = CALM.client("calm-api.projects.read", "calm-api.projects.write",
                    "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processmanagement.read")) {
                assertThatThrownBy(() -> noScopeWrite.projects().copyFromTemplate(template, "Rollout FR"))
                        .isInstanceOfSatisfying(ProjectCopyException.class, e -> {
                            assertThat(e.step()).startsWith("create scope");
                            assertThat(e.created()).hasSize(1);
                            assertThat(e.created().get(0)).startsWith("project 'Rollout FR'");
                            assertThat(e.targetProjectId()).isPresent();
                            assertThat(e).hasMessageContaining("create scope").hasMessageContaining("Rollout FR")
                                    .hasMessageContaining("calm-api.processmanagement.write");
                        });
            }

            ProjectCopy copy = calm.projects().copyFromTemplate(template, "Rollout FR");
            assertThat(copy.projectCreated()).isFalse();
            String target = copy.project().id();
            assertThat(copy.scopeIds()).hasSize(2);
            assertThat(calm.processManagement().listScopes(target)).extracting(ProcessScope::name)
                    .containsExactlyInAnyOrderElementsOf(calm.processManagement().listScopes(template).stream()
                            .map(ProcessScope::name).toList());
            assertThat(copy.timeboxIds()).hasSize(templateTimeboxes.size());
            assertThat(calm.projects().listTimeboxes(target)).extracting(Timebox::name).contains("Kick-off sprint");
            assertThat(copy.taskIds()).hasSize(4).containsKeys(story, task);
            List<Task> copied = calm.tasks().list(target).stream().toList();
            assertThat(copied).hasSize(4).allSatisfy(t -> assertThat(t.externalId()).isPresent());
            assertThat(copied).filteredOn(t -> t.type().equals(TaskType.SUB_TASK))
                    .allSatisfy(t -> assertThat(t.parentId()).contains(copy.taskIds().get(story)));
            assertThat(copy.assignmentsAdded()).isEqualTo(1);
            assertThat(calm.tasks().listSolutionProcessAssignments(target)).singleElement().satisfies(a -> {
                assertThat(a.taskId()).isEqualTo(copy.taskIds().get(task));
                assertThat(a.scopeId()).contains(copy.scopeIds().get(scopeIds.get(0)));
            });
            String targetScope = copy.scopeIds().get(scopeIds.get(0));
            assertThat(copy.scenarioVersionsAssigned()).isEqualTo(Map.of(targetScope, List.of(version),
                    copy.scopeIds().get(scopeIds.get(1)), List.of(version)));
            assertThat(copy.processesScoped()).isEqualTo(1);
            assertThat(calm.processManagement().listSolutionProcesses(target, targetScope))
                    .filteredOn(p -> p.isScoped().orElse(false)).extracting(ScopedSolutionProcess::solutionProcessId)
                    .containsExactly(process);

            ProjectCopy again = calm.projects().copyFromTemplate(template, "Rollout FR");
            assertThat(again.created()).isEmpty();
            assertThat(again.scenarioVersionsAssigned()).isEmpty();
            assertThat(again.processesScoped()).isZero();
            assertThat(again.taskIds()).isEqualTo(copy.taskIds());
            assertThat(calm.tasks().list(target)).hasSize(4);
            assertThat(calm.projects().list()).filteredOn(p -> p.name().equals("Rollout FR")).hasSize(1);
        }
    }

    @Test
    void copyFromTemplate_activatedTemplateScopes_targetScopesActivatedAlike_andAFailedActivationCompletesOnRetry() {
        String template = sim().cloudAlm().createProject("Activated template");
        List<String> scopeIds = sim().cloudAlm().seedScopes(template, 2);
        String orderToCash = sim().cloudAlm().addSolutionScenarioVersion("Order to cash", 4);
        String procureToPay = sim().cloudAlm().addSolutionScenarioVersion("Procure to pay", 3);
        String recordToReport = sim().cloudAlm().addSolutionScenarioVersion("Record to report", 2);
        sim().cloudAlm().addSolutionScenarioVersion("Not used", 2);
        String story = sim().cloudAlm().createTask(template, "Story", "CALMUS");
        try (CloudAlmClient calm = CALM.client(PROJECTS)) {
            ProcessManagementClient pm = calm.processManagement();
            pm.assignSolutionScenarioVersions(scopeIds.get(0), List.of(orderToCash, procureToPay));
            pm.assignSolutionScenarioVersions(scopeIds.get(1), List.of(recordToReport));
            List<ScopedSolutionProcess> first = pm.listSolutionProcesses(template, scopeIds.get(0)).stream().toList();
            assertThat(first).hasSize(7).allSatisfy(p -> assertThat(p.isScoped()).contains(false));
            // In scope: two processes of Order to cash and one of Procure to pay; one of Record to report.
            pm.setScoped(scopeIds.get(0), List.of(first.get(0), first.get(2), first.get(5)), true);
            pm.setScoped(scopeIds.get(1), List.of(pm.listSolutionProcesses(template, scopeIds.get(1)).iterator()
                    .next()), true);
            Map<String, Activation> templateActivation = new LinkedHashMap<>();
            scopeIds.forEach(s -> templateActivation.put(s, Activation.of(pm, template, s)));
            assertThat(templateActivation.get(scopeIds.get(0)).inScope()).hasSize(3);

            sim().faults().failNext(1, 400, RequestMatcher.of("PATCH", "*/solutionProcesses/scopeAssignments"));
            assertThatThrownBy(() -> calm.projects().copyFromTemplate(template, "Activated rollout"))
                    .isInstanceOfSatisfying(ProjectCopyException.class, e -> {
                        assertThat(e.step()).isEqualTo("activate scope 'Scope 1': put 3 solution processes in scope");
                        assertThat(e.targetProjectId()).isPresent();
                        assertThat(e.created().get(0)).startsWith("project 'Activated rollout'");
                        assertThat(e.created()).filteredOn(c -> c.startsWith("scope ")).hasSize(2);
                        assertThat(e.created().get(e.created().size() - 1)).isEqualTo("2 solution scenario versions ["
                                + orderToCash + ", " + procureToPay + "] assigned to scope 'Scope 1' ("
                                + pm.listScopes(e.targetProjectId().get()).stream()
                                        .filter(s -> s.name().equals("Scope 1")).findFirst().orElseThrow().id() + ")");
                        assertThat(e).hasMessageContaining("activate scope 'Scope 1'");
                    });
            String target = calm.projects().list().stream().filter(p -> p.name().equals("Activated rollout"))
                    .findFirst().orElseThrow().id();
            assertThat(calm.tasks().list(target)).isEmpty();

            try (CloudAlmClient noScopeWrite = CALM.client("calm-api.projects.read", "calm-api.projects.write",
                    "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processmanagement.read")) {
                sim().journal().clear();
                assertThatThrownBy(() -> noScopeWrite.projects().copyFromTemplate(template, "Activated rollout"))
                        .isInstanceOfSatisfying(ProjectCopyException.class, e -> {
                            assertThat(e.step()).startsWith("activate scope 'Scope 1': put 3 solution processes");
                            assertThat(e.created()).isEmpty();
                            assertThat(e.targetProjectId()).contains(target);
                            assertThat(e).hasMessageContaining("calm-api.processmanagement.write");
                        });
                assertThat(sim().journal().count("POST", "/api/calm-processmanagement/v1/scopes/")).isZero();
            }

            ProjectCopy copy = calm.projects().copyFromTemplate(template, "Activated rollout");
            assertThat(copy.project().id()).isEqualTo(target);
            String targetScope2 = copy.scopeIds().get(scopeIds.get(1));
            assertThat(copy.scenarioVersionsAssigned()).isEqualTo(Map.of(targetScope2, List.of(recordToReport)));
            assertThat(copy.processesScoped()).isEqualTo(4);
            assertThat(copy.created()).contains("1 solution scenario versions [" + recordToReport
                    + "] assigned to scope 'Scope 2' (" + targetScope2 + ")");
            assertThat(copy.taskIds()).containsKey(story);
            for (String scope : scopeIds) {
                assertThat(Activation.of(pm, target, copy.scopeIds().get(scope)))
                        .isEqualTo(templateActivation.get(scope));
            }
            assertThat(Activation.of(pm, template, scopeIds.get(0))).isEqualTo(templateActivation.get(scopeIds.get(0)));

            sim().journal().clear();
            ProjectCopy again = calm.projects().copyFromTemplate(template, "Activated rollout");
            assertThat(again.created()).isEmpty();
            assertThat(again.scenarioVersionsAssigned()).isEmpty();
            assertThat(again.processesScoped()).isZero();
            assertThat(sim().journal().filter(e -> !e.method().equals("GET"))).isEmpty();
            for (String scope : scopeIds) {
                assertThat(Activation.of(pm, target, copy.scopeIds().get(scope)))
                        .isEqualTo(templateActivation.get(scope));
            }
        }
    }

    /** How a scope is activated: its solution scenario versions and the solution processes in scope. */
    private record Activation(Set<String> versions, Set<String> inScope) {

        static Activation of(ProcessManagementClient pm, String projectId, String scopeId) {
            Set<String> versions = pm.listScopeSolutionScenarioVersions(scopeId).stream()
                    .map(SolutionScenarioVersion::id).collect(Collectors.toSet());
            Set<String> inScope = pm.listSolutionProcesses(projectId, scopeId).stream()
                    .filter(p -> p.isScoped().orElse(false))
                    .map(p -> p.solutionProcessId() + "@" + p.solutionScenarioVersionId().orElseThrow())
                    .collect(Collectors.toSet());
            return new Activation(versions, inScope);
        }
    }
}
