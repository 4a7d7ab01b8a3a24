package io.calmsdk.core.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A service the global account is entitled to ({@code entitledServices[]}), with its plans.
 * Instances are immutable and thread-safe.
 */
@Value.Immutable
@JsonModel
@JsonDeserialize(builder = EntitledService.Builder.class)
abstract class EntitledService {

    EntitledService() {
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EntitledService}. */
    static final class Builder extends ImmutableEntitledService.Builder {
        Builder() {
        }
    }

    /**
     * The service's technical name ({@code name}), e.g. {@code SAPCloudALMAPIs}.
     *
     * @return the name
     */
    @JsonProperty("name")
    public abstract String name();

    /**
     * The display name ({@code displayName}).
     *
     * @return the display name
     */
    @JsonProperty("displayName")
    public abstract Optional<String> displayName();

    /**
     * The entitled plans ({@code servicePlans}).
     *
     * @return the plans
     */
    @JsonProperty("servicePlans")
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
}
