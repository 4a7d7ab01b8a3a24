package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A member of a team role, as the Projects API sends it in {@code members}: the user's e-mail address and id
 * (an id of {@code _FORMER_MEMBER_} means the user does not exist in the tenant).
 *
 * @param userEmail the user's e-mail address, when sent
 * @param userId the user's id, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TeamMember(Optional<String> userEmail, Optional<String> userId, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param userEmail see {@link #userEmail()}
     * @param userId see {@link #userId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TeamMember {
        Objects.requireNonNull(userEmail, "userEmail");
        Objects.requireNonNull(userId, "userId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TeamMember fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "team member");
        return new TeamMember(f.text("userEmail"), f.text("userId"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("userEmail", userEmail).put("userId", userId).putOthers(otherFields).build();
    }
}
