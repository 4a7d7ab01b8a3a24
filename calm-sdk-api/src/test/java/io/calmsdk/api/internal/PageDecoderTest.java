package io.calmsdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.api.model.HierarchyNode;
import io.calmsdk.api.model.Task;
import io.calmsdk.api.model.TaskType;
import io.calmsdk.core.exception.CalmClientException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecoderTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void decode_bareArray_readsTypedItems() {
        var page = PageDecoder.of(Task.class, "tasks").decode(utf8(
                "[{\"id\":\"1\",\"title\":\"A\",\"type\":\"CALMUS\",\"extra\":{\"nested\":[1,2]}},"
                        + "{\"id\":\"2\",\"title\":\"B\"}]"), "GET /t");
        assertThat(page.items()).extracting(Task::id).containsExactly("1", "2");
        assertThat(page.items().get(0).type()).isEqualTo(TaskType.USER_STORY);
        assertThat(page.items().get(1).type()).isEqualTo(TaskType.TASK);
        assertThat(page.count()).isEmpty();
        assertThat(page.nextLink()).isEmpty();
    }

    @Test
    void decode_odataObject_readsValueCountAndNextLink() {
        var page = PageDecoder.of(HierarchyNode.class, "nodes").decode(utf8(
                "{\"@odata.context\":\"$metadata#HierarchyNodes\",\"@odata.count\":42,"
                        + "\"value\":[{\"uuid\":\"u1\",\"title\":\"Root\",\"hierarchyLevel\":0}],"
                        + "\"@odata.nextLink\":\"HierarchyNodes?$skip=1\"}"), "GET /n");
        assertThat(page.items()).extracting(HierarchyNode::uuid).containsExactly("u1");
        assertThat(page.items().get(0).isRoot()).isTrue();
        assertThat(page.count()).contains(42L);
        assertThat(page.nextLink()).contains("HierarchyNodes?$skip=1");
    }

    @Test
    void decode_shortCountNameAndStringCount_areAccepted() {
        var page = PageDecoder.of(HierarchyNode.class, "nodes")
                .decode(utf8("{\"value\":[],\"@count\":\"7\"}"), "GET /n");
        assertThat(page.items()).isEmpty();
        assertThat(page.count()).contains(7L);
    }

    @Test
    void decode_truncatedBody_throwsClientExceptionNamingSource() {
        assertThatThrownBy(() -> PageDecoder.of(Task.class, "tasks")
                .decode(utf8("[{\"id\":\"1\",\"title\":\"A\"},{\"id\":"), "GET https://x/api/calm-tasks/v1/tasks"))
                .isInstanceOf(CalmClientException.class)
                .hasMessageContaining("could not decode a page of tasks from GET https://x/api/calm-tasks/v1/tasks");
    }

    @Test
    void decode_objectWithoutValue_throwsClientException() {
        assertThatThrownBy(() -> PageDecoder.of(Task.class, "tasks").decode(utf8("{\"items\":[]}"), "GET /t"))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("without a value array");
    }

    @Test
    void decode_scalarOrEmptyBody_throwsClientException() {
        assertThatThrownBy(() -> PageDecoder.of(Task.class, "tasks").decode(utf8("\"x\""), "GET /t"))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("found a JSON string");
        assertThatThrownBy(() -> PageDecoder.of(Task.class, "tasks").decode(new byte[0], "GET /t"))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("found an empty body");
    }

    @Test
    void decode_itemMissingRequiredId_throwsClientException() {
        assertThatThrownBy(() -> PageDecoder.of(Task.class, "tasks").decode(utf8("[{\"title\":\"A\"}]"), "GET /t"))
                .isInstanceOf(CalmClientException.class).hasMessageContaining("could not decode a page of tasks");
    }
}
