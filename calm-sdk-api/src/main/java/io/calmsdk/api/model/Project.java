package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Cloud ALM project, as returned by {@code /calm-projects/v1/projects}.
 *
 * @param id the project's id (a UUID)
 * @param name the project's name
 * @param status the project's status code, e.g. {@code O} (open) or {@code C} (closed), when sent
 * @param description the project's description, when sent
 * @param programId the id of the program the project belongs to, when sent
 */
public record Project(String id, String name, Optional<String> status, Optional<String> description,
                      Optional<String> programId) {

    /**
     * Checks that required fields are present.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param status see {@link #status()}
     * @param description see {@link #description()}
     * @param programId see {@link #programId()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
     */
    public Project {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(programId, "programId");
    }

    /**
     * Creates a project from its JSON fields; used by the SDK's JSON decoding.
     *
     * @param id the id
     * @param name the name
     * @param status the status, may be {@code null}
     * @param description the description, may be {@code null}
     * @param programId the program id, may be {@code null}
     * @return the project
     * @throws NullPointerException if {@code id} or {@code name} is missing
     */
    @JsonCreator
    public static Project fromJson(@JsonProperty("id") String id, @JsonProperty("name") String name,
                                   @JsonProperty("status") String status,
                                   @JsonProperty("description") String description,
                                   @JsonProperty("programId") String programId) {
        return new Project(id, name, Optional.ofNullable(status), Optional.ofNullable(description),
                Optional.ofNullable(programId));
    }

    /**
     * Whether Cloud ALM reports the project as closed (status {@code C}).
     *
     * @return {@code true} when closed
     */
    public boolean isClosed() {
        return status.map("C"::equalsIgnoreCase).orElse(false);
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("status", status)
                .put("description", description).put("programId", programId).build();
    }
}
