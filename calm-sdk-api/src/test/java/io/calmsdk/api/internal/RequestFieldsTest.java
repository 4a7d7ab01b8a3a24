package io.calmsdk.api.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.core.exception.ValidationException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scaffold behind the request builders: rules checked on freeze, frozen fields immutable. */
class RequestFieldsTest {

    @Test
    void freeze_afterMoreSets_keepsTheEarlierSnapshot() {
        RequestFields fields = RequestFields.create().required("title");
        String owner = "builder";
        assertThat(fields.set(owner, "title", "t")).isSameAs(owner);
        fields.add(owner, "toItems", "a");
        Map<String, Object> first = fields.freeze();
        fields.add(owner, "toItems", "b");
        fields.set(owner, "title", "u");
        assertThat(first).containsExactly(Map.entry("title", "t"), Map.entry("toItems", List.of("a")));
        assertThat(fields.freeze()).containsEntry("title", "u").containsEntry("toItems", List.of("a", "b"));
        assertThatThrownBy(() -> first.put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ((List<?>) first.get("toItems")).clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void freeze_requiredMissingOrBlank_namesTheField() {
        assertThatThrownBy(() -> RequestFields.create().required("projectId").freeze())
                .isInstanceOf(ValidationException.class).hasMessageContaining("projectId");
        RequestFields blank = RequestFields.create().required("title");
        blank.set(this, "title", " ");
        assertThatThrownBy(blank::freeze).isInstanceOf(ValidationException.class).hasMessageContaining("title");
    }

    @Test
    void freeze_updateWithoutFields_saysWhatItMaySet_andBlankSetTextIsRefused() {
        assertThatThrownBy(() -> RequestFields.update("name, description").freeze())
                .isInstanceOf(ValidationException.class).hasMessageContaining("at least one of name, description");
        RequestFields update = RequestFields.update("name, description").nonBlank("name");
        update.set(this, "description", "d");
        assertThat(update.freeze()).containsOnlyKeys("description");
        update.set(this, "name", "");
        assertThatThrownBy(update::freeze).isInstanceOf(ValidationException.class).hasMessageContaining("name");
    }

    @Test
    void setAndAdd_nullValue_nameTheField() {
        RequestFields fields = RequestFields.create();
        assertThatThrownBy(() -> fields.set(this, "title", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("title");
        assertThatThrownBy(() -> fields.add(this, "toActions", null)).isInstanceOf(NullPointerException.class)
                .hasMessage("toActions");
        assertThatThrownBy(() -> fields.addLink(this, "toReferences", "name", "n", " "))
                .isInstanceOf(ValidationException.class).hasMessageContaining("url");
    }
}
