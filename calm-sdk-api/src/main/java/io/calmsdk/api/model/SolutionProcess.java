package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A solution process of the Cloud ALM process authoring API
 * ({@code /calm-processauthoring/v1/solutionProcesses}), with the fields of SAP's process authoring notebook;
 * the {@code businessProcess} link ({@code {id, uri}}) is kept in {@link #otherFields()} and its id read by
 * {@link #businessProcessId()}. Changes need its ETag ({@link #etag()}).
 *
 * @param id the solution process's key
 * @param name the name
 * @param description the description, when sent
 * @param status the status, e.g. {@code ACTIVE}, when sent
 * @param countries the countries, comma-separated, when sent
 * @param externalId the id in an external system, when sent
 * @param etag the ETag to send as {@code If-Match}, from the answer's {@code ETag} header; not written back
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record SolutionProcess(String id, String name, Optional<String> description, Optional<String> status,
                              Optional<String> countries, Optional<String> externalId, Optional<String> etag,
                              Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param description see {@link #description()}
     * @param status see {@link #status()}
     * @param countries see {@link #countries()}
     * @param externalId see {@link #externalId()}
     * @param etag see {@link #etag()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public SolutionProcess {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(countries, "countries");
        Objects.requireNonNull(externalId, "externalId");
        Objects.requireNonNull(etag, "etag");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static SolutionProcess fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "solution process");
        return new SolutionProcess(f.required("id"), f.text("name").orElse(""), f.text("description"),
                f.text("status"), f.text("countries"), f.text("externalId"), f.text("@odata.etag"), f.others());
    }

    /**
     * The business process this solution process belongs to.
     *
     * @return the id of {@code businessProcess}, if sent
     */
    public Optional<String> businessProcessId() {
        return JsonFields.linkId(otherFields, "businessProcess");
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("description", description)
                .put("status", status).put("countries", countries).put("externalId", externalId)
                .putOthers(otherFields).build();
    }

    /**
     * A flow of a solution process in the Cloud ALM process authoring API
     * ({@code /calm-processauthoring/v1/solutionProcessFlows}, {@code /solutionProcesses/{id}/solutionProcessFlows}),
     * with the fields of SAP's process authoring notebook; the {@code solutionProcess} link ({@code {id, uri}}) is
     * kept in {@link #otherFields()} and its id read by {@link #solutionProcessId()}.
     *
     * @param id the flow's key
     * @param name the name
     * @param description the description, when sent
     * @param etag the ETag from the answer's {@code ETag} header, when sent; not written back
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Flow(String id, String name, Optional<String> description, Optional<String> etag,
                                      Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param id see {@link #id()}
         * @param name see {@link #name()}
         * @param description see {@link #description()}
         * @param etag see {@link #etag()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Flow {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(etag, "etag");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Flow fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "solution process flow");
            return new Flow(f.required("id"), f.text("name").orElse(""), f.text("description"),
                    f.text("@odata.etag"), f.others());
        }

        /**
         * The solution process this flow belongs to.
         *
         * @return the id of {@code solutionProcess}, if sent
         */
        public Optional<String> solutionProcessId() {
            return JsonFields.linkId(otherFields, "solutionProcess");
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("id", id).put("name", name).put("description", description)
                    .putOthers(otherFields).build();
        }
    }

    /**
     * An asset of a solution process in the Cloud ALM process authoring API
     * ({@code /calm-processauthoring/v1/assets}, {@code /solutionProcesses/{id}/assets}): a name and links by
     * country, sent as {@code countryUrl: [{country, url}]} (kept in {@link #otherFields()}, read by
     * {@link #urls()}). Changes need its ETag.
     *
     * @param id the asset's key
     * @param name the name
     * @param etag the ETag from the answer's {@code ETag} header, when sent; not written back
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Asset(String id, String name, Optional<String> etag, Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param id see {@link #id()}
         * @param name see {@link #name()}
         * @param etag see {@link #etag()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Asset {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(etag, "etag");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Asset fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "asset");
            return new Asset(f.required("id"), f.text("name").orElse(""), f.text("@odata.etag"), f.others());
        }

        /**
         * The asset's links by country, in the order sent.
         *
         * @return the URL by two-letter country code ({@code ""} for a link without a country), unmodifiable
         */
        public Map<String, String> urls() {
            Map<String, String> urls = new LinkedHashMap<>();
            if (otherFields.get("countryUrl") instanceof List<?> list) {
                for (Object e : list) {
                    if (e instanceof Map<?, ?> m && m.get("url") != null) {
                        urls.put(m.get("country") == null ? "" : m.get("country").toString(), m.get("url").toString());
                    }
                }
            }
            return Collections.unmodifiableMap(urls);
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("id", id).put("name", name).putOthers(otherFields).build();
        }
    }

    /**
     * A diagram in the Cloud ALM process authoring API: a diagram of a solution process flow
     * ({@code /calm-processauthoring/v1/solutionProcessFlowDiagrams}, linked by {@code solutionProcessFlow}) or
     * the value-flow diagram of a solution process ({@code /solutionValueFlowDiagrams}, linked by
     * {@code solutionProcess}); the link ({@code {id, uri}}) is kept in {@link #otherFields()} and read by
     * {@link #ownerId()}. Changes need its ETag.
     *
     * @param id the diagram's key
     * @param name the name
     * @param description the description, when sent
     * @param svg the drawing as SVG text (up to 2 MB), when sent
     * @param etag the ETag from the answer's {@code ETag} header, when sent; not written back
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Diagram(String id, String name, Optional<String> description, Optional<String> svg,
                          Optional<String> etag, Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param id see {@link #id()}
         * @param name see {@link #name()}
         * @param description see {@link #description()}
         * @param svg see {@link #svg()}
         * @param etag see {@link #etag()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Diagram {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(svg, "svg");
            Objects.requireNonNull(etag, "etag");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Diagram fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "diagram");
            return new Diagram(f.required("id"), f.text("name").orElse(""), f.text("description"), f.text("svg"),
                    f.text("@odata.etag"), f.others());
        }

        /**
         * What the diagram belongs to: the flow of a flow diagram, the solution process of a value-flow diagram.
         *
         * @return the id of {@code solutionProcessFlow} or {@code solutionProcess}, if sent
         */
        public Optional<String> ownerId() {
            return JsonFields.linkId(otherFields, "solutionProcessFlow", "solutionProcess");
        }

        @Override
        public String toString() {
            return "Diagram[id=" + id + ", name=" + name + ", svg=" + svg.map(t -> t.length() + " chars").orElse("none")
                    + "]";
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("id", id).put("name", name).put("description", description)
                    .put("svg", svg).putOthers(otherFields).build();
        }
    }
}
