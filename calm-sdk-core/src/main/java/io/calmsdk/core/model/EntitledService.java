package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service the global account is entitled to ({@code entitledServices[]}), with its plans.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
public abstract class EntitledService {

    EntitledService() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EntitledService}. */
    public static final class Builder extends ImmutableEntitledService.Builder {
        Builder() {
        }
    }

    /**
     * The service's technical name ({@code name}), e.g. {@code SAPCloudALMAPIs}.
     *
     * @return the name
     */
    public abstract String name();

    /**
     * The display name ({@code displayName}).
     *
     * @return the display name
     */
    public abstract Optional<String> displayName();

    /**
     * The entitled plans ({@code servicePlans}).
     *
     * @return the plans
     */
    public abstract List<EntitledServicePlan> servicePlans();

    /**
     * The plan of this name.
     *
     * @param planName the plan's technical name
     * @return the plan, if entitled
     */
    public Optional<EntitledServicePlan> plan(String planName) {
        return servicePlans().stream().filter(p -> p.name().equals(planName)).findFirst();
    }

    @JsonValue
    JsonNode toJson() {
        return new JsonOut()
                .put("name", name())
                .put("displayName", displayName())
                .array("servicePlans", servicePlans(), EntitledServicePlan::toJson)
                .node();
    }

    /**
     * Jackson: reads an entitled service.
     *
     * @param node the JSON
     * @return the service
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static EntitledService fromJson(JsonNode node) {
        JsonIn in = JsonIn.root(node, JsonIn.modelProblems("EntitledService"));
        return builder()
                .name(in.text("name"))
                .displayName(in.optText("displayName"))
                .servicePlans(in.objects("servicePlans", EntitledServicePlan::fromJson))
                .build();
    }
}
