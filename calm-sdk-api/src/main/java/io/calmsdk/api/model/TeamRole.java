package io.calmsdk.api.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import io.calmsdk.api.internal.JsonFields;
import io.calmsdk.api.internal.WireMaps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A role of a project team and the users staffed in it ({@code GET /calm-projects/v1/teams/{teamId}/roles}),
 * with the fields SAP's user staffing notebook reads ({@code roleId}, {@code roleName}, {@code members}).
 *
 * @param roleId the role's key
 * @param roleName the role's name, e.g. {@code Configuration Expert}, when sent
 * @param members the users staffed in the role
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record TeamRole(String roleId, Optional<String> roleName, List<TeamMember> members,
                       Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param roleId see {@link #roleId()}
     * @param roleName see {@link #roleName()}
     * @param members see {@link #members()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public TeamRole {
        Objects.requireNonNull(roleId, "roleId");
        Objects.requireNonNull(roleName, "roleName");
        members = List.copyOf(members);
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static TeamRole fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "team role");
        return new TeamRole(f.required("roleId"), f.text("roleName"), f.list(TeamMember.class, "members"),
                f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("roleId", roleId).put("roleName", roleName)
                .put("members", members.isEmpty() ? null : members).putOthers(otherFields).build();
    }
}
