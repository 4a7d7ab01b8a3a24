package io.calmsdk.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScopeCatalogueTest {

    private final ScopeCatalogue catalogue = ScopeCatalogue.defaults();

    @ParameterizedTest
    @CsvSource({
        "GET,    /calm-projects/v1/projects,                 calm-api.projects.read",
        "get,    /calm-projects/v1/projects/1/timeboxes,     calm-api.projects.read",
        "POST,   /calm-projects/v1/projects,                 calm-api.projects.write",
        "PATCH,  /calm-projects/v1/projects/1,               calm-api.projects.write",
        "DELETE, /calm-projects/v1/projects/1,               calm-api.projects.write",
        "GET,    /calm-tasks/v1/tasks?projectId=1,           calm-api.tasks.read",
        "POST,   /calm-tasks/v1/tasks,                       calm-api.tasks.write",
        "PATCH,  /calm-tasks/v1/tasks/9,                     calm-api.tasks.write",
        "DELETE, /calm-tasks/v1/tasks/9,                     calm-api.tasks.write",
        "POST,   /calm-tasks/v1/tasks/9/comments,            calm-api.tasks.write",
        "GET,    /calm-processhierarchy/v1/HierarchyNodes,   calm-api.processhierarchy.read",
        "POST,   /calm-processhierarchy/v1/HierarchyNodes,   calm-api.processhierarchy.write",
        "DELETE, /calm-processhierarchy/v1/HierarchyNodes/1, calm-api.processhierarchy.write",
        "DELETE, /calm-processmanagement/v1/scopes/1,        calm-api.processmanagement.delete",
        "DELETE, /calm-testmanagement/v1/ManualTestCases(1), calm-api.testcases.delete",
        "PATCH,  /calm-testmanagement/v1/ManualTestCases/1,  calm-api.testcases.write",
        "GET,    /calm-testmanagement/v1/ManualTestCases,    calm-api.testcases.read",
        "GET,    /calm-features/v1/Features,                 calm-api.features.read",
        "POST,   /calm-features/v1/ExternalReferences,       calm-api.features.write",
        "PATCH,  /calm-documents/v1/Documents/1,             calm-api.documents.write",
        "DELETE, /calm-documents/v1/Documents/1,             calm-api.documents.delete",
        "PATCH,  /calm-processauthoring/v1/solutionProcesses/1, calm-api.processauthoring.write",
        "GET,    /bsm-service/v1/events,                     calm-api.bsm.read",
        "GET,    /calm-landscape/v1/landscapeObjects,        calm-api.landscape.read",
        "GET,    /calm-analytics/v1/odata/v4/analytics/DataSet, calm-api.analytics.read",
        "POST,   /calm-analytics/v1/analytics/providers/data, calm-api.analytics.read",
    })
    void requiredScope_knownPath_namesScope(String method, String path, String scope) {
        assertThat(catalogue.requiredScope(method, path).map(io.calmsdk.core.model.CalmScope::name)).contains(scope);
    }

    @Test
    void requiredScope_unknownPath_isEmpty() {
        assertThat(catalogue.requiredScope("GET", "/calm-unknown/v1/things")).isEmpty();
    }

    @Test
    void requiredScope_prefixWithoutSegmentBoundary_isEmpty() {
        assertThat(catalogue.requiredScope("GET", "/calm-tasksx/v1/tasks")).isEmpty();
    }

    @Test
    void requiredScope_methodWithoutEntry_isEmpty() {
        assertThat(catalogue.requiredScope("POST", "/calm-landscape/v1/landscapeObjects")).isEmpty();
    }

    @Test
    void toBuilder_longerPrefix_winsAndFallsBack() {
        ScopeCatalogue custom = catalogue.toBuilder()
                .read("/calm-tasks/v1/special", "calm-api.special.read").build();
        assertThat(custom.requiredScope("GET", "/calm-tasks/v1/special/1").map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.special.read");
        assertThat(custom.requiredScope("POST", "/calm-tasks/v1/special/1").map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.tasks.write");
        assertThat(catalogue.requiredScope("GET", "/calm-tasks/v1/special/1").map(io.calmsdk.core.model.CalmScope::name)).contains("calm-api.tasks.read");
    }

    @Test
    void add_invalidEntry_throwsValidation() {
        assertThatThrownBy(() -> ScopeCatalogue.builder().add("calm-x", Set.of("GET"), "s"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("pathPrefix");
        assertThatThrownBy(() -> ScopeCatalogue.builder().add("/calm-x", Set.of(), "s"))
                .isInstanceOf(ValidationException.class).hasMessageContaining("methods");
        assertThatThrownBy(() -> ScopeCatalogue.builder().add("/calm-x", Set.of("GET"), " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("scope");
    }

    @ParameterizedTest
    @CsvSource({
        "sap-calm-api!b1234.calm-api.tasks.read, calm-api.tasks.read",
        "my-instance.calm-api.projects.write,    calm-api.projects.write",
        "calm-api.tasks.read,                    calm-api.tasks.read",
        "sap-calm!t5.imp-cdm-feature-display-ui, imp-cdm-feature-display-ui",
        "uaa.resource,                           uaa.resource",
    })
    void displayScope_prefixedScope_stripsMasterApp(String granted, String shown) {
        assertThat(ScopeCatalogue.displayScope(granted)).isEqualTo(shown);
    }
}
