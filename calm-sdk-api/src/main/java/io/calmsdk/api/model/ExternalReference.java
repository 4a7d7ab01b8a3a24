package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import io.calmsdk.api.internal.Checks;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A link from a process hierarchy node to something outside Cloud ALM, an entry of the node's
 * {@code toExternalReferences}: {@code {"name": "...", "url": "https://...", "externalReferenceId": "..."}}.
 *
 * @param name the reference's display name, when sent
 * @param url where the reference points
 * @param externalReferenceId the id of the referenced object in its own system, when sent
 */
public record ExternalReference(Optional<String> name, String url, Optional<String> externalReferenceId) {

    /**
     * Checks that required fields are present.
     *
     * @param name see {@link #name()}
     * @param url see {@link #url()}
     * @param externalReferenceId see {@link #externalReferenceId()}
     * @throws NullPointerException if any argument is {@code null} (use {@link Optional#empty()})
     */
    public ExternalReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(externalReferenceId, "externalReferenceId");
    }

    /**
     * A named link.
     *
     * @param name the display name
     * @param url where it points
     * @return the reference
     * @throws io.calmsdk.core.exception.ValidationException if the name or URL is blank
     */
    public static ExternalReference of(String name, String url) {
        return new ExternalReference(Optional.of(Checks.notBlank("name", name)), Checks.notBlank("url", url),
                Optional.empty());
    }

    /**
     * A named link to an object with an id in its own system.
     *
     * @param name the display name
     * @param url where it points
     * @param externalReferenceId the object's id in its own system
     * @return the reference
     * @throws io.calmsdk.core.exception.ValidationException if an argument is blank
     */
    public static ExternalReference of(String name, String url, String externalReferenceId) {
        return new ExternalReference(Optional.of(Checks.notBlank("name", name)), Checks.notBlank("url", url),
                Optional.of(Checks.notBlank("externalReferenceId", externalReferenceId)));
    }

    /**
     * Creates a reference from its JSON fields; used by the SDK's JSON decoding.
     *
     * @param name the name, may be {@code null}
     * @param url the URL
     * @param externalReferenceId the external id, may be {@code null}
     * @return the reference
     * @throws NullPointerException if {@code url} is missing
     */
    @JsonCreator
    public static ExternalReference fromJson(@JsonProperty("name") String name, @JsonProperty("url") String url,
                                             @JsonProperty("externalReferenceId") String externalReferenceId) {
        return new ExternalReference(Optional.ofNullable(name), url, Optional.ofNullable(externalReferenceId));
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("name", name).put("url", url).put("externalReferenceId", externalReferenceId)
                .build();
    }
}
