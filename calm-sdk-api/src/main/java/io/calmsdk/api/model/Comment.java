package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.LenientInstants;
import io.calmsdk.api.internal.WireMaps;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A comment on a Cloud ALM task, as returned by {@code /calm-tasks/v1/tasks/{id}/comments}.
 *
 * @param id the comment's id, when sent
 * @param text the comment's text
 * @param createdBy who wrote the comment, when sent
 * @param createdAt when the comment was written, when sent
 */
public record Comment(Optional<String> id, String text, Optional<String> createdBy, Optional<Instant> createdAt) {

    /**
     * Checks that required fields are present.
     *
     * @param id see {@link #id()}
     * @param text see {@link #text()}
     * @param createdBy see {@link #createdBy()}
     * @param createdAt see {@link #createdAt()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
     */
    public Comment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * Creates a comment from its JSON fields; used by the SDK's JSON decoding.
     *
     * @param id the id, may be {@code null}
     * @param text the text; {@code null} is read as empty
     * @param createdBy the author, may be {@code null}
     * @param createdAt the creation timestamp, may be {@code null}
     * @return the comment
     * @throws IllegalArgumentException if the timestamp cannot be read
     */
    @JsonCreator
    public static Comment fromJson(@JsonProperty("id") String id, @JsonProperty("text") String text,
                                   @JsonProperty("createdBy") String createdBy,
                                   @JsonProperty("createdAt") String createdAt) {
        return new Comment(Optional.ofNullable(id), text == null ? "" : text, Optional.ofNullable(createdBy),
                LenientInstants.parse(createdAt));
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("text", text).put("createdBy", createdBy)
                .put("createdAt", createdAt.map(Instant::toString)).build();
    }
}
