package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.RequestFields;
import io.calmsdk.core.exception.ValidationException;
import java.util.Map;

/**
 * The fields of a process authoring diagram to create or change: a flow diagram
 * ({@code POST /solutionProcessFlows/{id}/solutionProcessFlowDiagrams}, {@code PATCH
 * /solutionProcessFlowDiagrams/{id}}) or a value-flow diagram ({@code PATCH /solutionValueFlowDiagrams/{id}}),
 * as SAP's process authoring notebook sends them: name, description and the drawing as SVG text. Only the
 * fields set are sent. Immutable and thread-safe.
 */
public final class ProcessDiagramRequest {

    private final Map<String, Object> fields;

    private ProcessDiagramRequest(Builder b) {
        this.fields = b.fields.freeze();
    }

    /**
     * Starts a builder.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The JSON fields sent, by SAP's names.
     *
     * @return the fields, unmodifiable
     */
    @JsonValue
    public Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        Object svg = fields.get("svg");
        return "ProcessDiagramRequest{name=" + fields.get("name") + ", description=" + fields.get("description")
                + ", svg=" + (svg == null ? "unset" : svg.toString().length() + " chars") + "}";
    }

    /** Builds a {@link ProcessDiagramRequest}. Not thread-safe. */
    public static final class Builder {
        private final RequestFields fields = RequestFields.update("name, description, svg").nonBlank("name");

        private Builder() {
        }

        /**
         * Sets the name, at most 500 characters.
         *
         * @param name the value
         * @return this builder
         */
        public Builder name(String name) {
            return fields.set(this, "name", name);
        }

        /**
         * Sets the description, at most 5,000 characters.
         *
         * @param description the value
         * @return this builder
         */
        public Builder description(String description) {
            return fields.set(this, "description", description);
        }

        /**
         * Sets the drawing, SVG text of at most 2 MB.
         *
         * @param svg the value
         * @return this builder
         */
        public Builder svg(String svg) {
            return fields.set(this, "svg", svg);
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws ValidationException if no field is set or the name is blank
         */
        public ProcessDiagramRequest build() {
            return new ProcessDiagramRequest(this);
        }
    }
}
