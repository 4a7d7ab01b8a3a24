package io.calmsdk.testkit.internal.sm;

import io.calmsdk.testkit.GlobalAccountPlan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Service Manager catalog derived from the global account's plans: one offering per service, one plan
 * per global-account plan. Ids are name-based UUIDs, stable across resets and runs. Immutable.
 */
public final class Catalog {

    /**
     * An offering.
     *
     * @param id offering id
     * @param name offering name (also its catalog name)
     * @param brokerId broker id
     */
    public record Offering(String id, String name, String brokerId) {
    }

    /**
     * A plan.
     *
     * @param id plan id
     * @param name plan name (also its catalog name)
     * @param offering its offering
     * @param source the global-account plan behind it
     */
    public record Plan(String id, String name, Offering offering, GlobalAccountPlan source) {
    }

    private final Map<String, Offering> offerings = new LinkedHashMap<>();
    private final List<Plan> plans = new ArrayList<>();

    Catalog(List<GlobalAccountPlan> globalAccountPlans) {
        for (GlobalAccountPlan p : globalAccountPlans) {
            Offering offering = offerings.computeIfAbsent(p.serviceName(),
                    name -> new Offering(uuid("offering/" + name), name, uuid("broker/" + name)));
            plans.add(new Plan(uuid("plan/" + p.serviceName() + "/" + p.planName()), p.planName(), offering, p));
        }
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    List<Plan> plans() {
        return plans;
    }

    List<Offering> offerings() {
        return new ArrayList<>(offerings.values());
    }

    Optional<Plan> planById(String id) {
        return plans.stream().filter(p -> p.id().equals(id)).findFirst();
    }
}
