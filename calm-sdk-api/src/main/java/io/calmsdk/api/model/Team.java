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
 * A team of a project ({@code GET /calm-projects/v1/projects/{id}/teams}), as SAP's user staffing notebook reads
 * it.
 *
 * @param id the team's key
 * @param name the name, when sent
 * @param projectId the project, when sent
 * @param otherFields every other field sent, as plain Java values, in the order sent
 */
public record Team(String id, Optional<String> name, Optional<String> projectId, Map<String, Object> otherFields) {

    /**
     * Checks that no argument is {@code null} and copies the collections.
     *
     * @param id see {@link #id()}
     * @param name see {@link #name()}
     * @param projectId see {@link #projectId()}
     * @param otherFields see {@link #otherFields()}
     * @throws NullPointerException if an argument is {@code null}
     */
    public Team {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(projectId, "projectId");
        otherFields = JsonFields.copy(otherFields);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    private static Team fromJson(JsonNode json) {
        JsonFields f = JsonFields.of(json, "team");
        return new Team(f.required("id"), f.text("name"), f.text("projectId"), f.others());
    }

    @JsonValue
    private Map<String, Object> toWire() {
        return WireMaps.object().put("id", id).put("name", name).put("projectId", projectId)
                .putOthers(otherFields).build();
    }

    /**
     * A member of a team role, as the Projects API sends it in {@code members}: the user's e-mail address and id
     * (an id of {@code _FORMER_MEMBER_} means the user does not exist in the tenant).
     *
     * @param userEmail the user's e-mail address, when sent
     * @param userId the user's id, when sent
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Member(Optional<String> userEmail, Optional<String> userId, Map<String, Object> otherFields) {

        /**
         * Checks that no argument is {@code null} and copies the collections.
         *
         * @param userEmail see {@link #userEmail()}
         * @param userId see {@link #userId()}
         * @param otherFields see {@link #otherFields()}
         * @throws NullPointerException if an argument is {@code null}
         */
        public Member {
            Objects.requireNonNull(userEmail, "userEmail");
            Objects.requireNonNull(userId, "userId");
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Member fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "team member");
            return new Member(f.text("userEmail"), f.text("userId"), f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("userEmail", userEmail).put("userId", userId).putOthers(otherFields).build();
        }
    }

    /**
     * A role of a project team and the users staffed in it ({@code GET /calm-projects/v1/teams/{teamId}/roles}),
     * with the fields SAP's user staffing notebook reads ({@code roleId}, {@code roleName}, {@code members}).
     *
     * @param roleId the role's key
     * @param roleName the role's name, e.g. {@code Configuration Expert}, when sent
     * @param members the users staffed in the role
     * @param otherFields every other field sent, as plain Java values, in the order sent
     */
    public record Role(String roleId, Optional<String> roleName, List<Member> members,
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
        public Role {
            Objects.requireNonNull(roleId, "roleId");
            Objects.requireNonNull(roleName, "roleName");
            members = List.copyOf(members);
            otherFields = JsonFields.copy(otherFields);
        }

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        private static Role fromJson(JsonNode json) {
            JsonFields f = JsonFields.of(json, "team role");
            return new Role(f.required("roleId"), f.text("roleName"), f.list(Member.class, "members"),
                    f.others());
        }

        @JsonValue
        private Map<String, Object> toWire() {
            return WireMaps.object().put("roleId", roleId).put("roleName", roleName)
                    .put("members", members.isEmpty() ? null : members).putOthers(otherFields).build();
        }
    }
}
