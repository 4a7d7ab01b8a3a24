package io.calmsdk.testkit.internal.sm;

import io.calmsdk.testkit.GlobalAccountPlan;
import io.calmsdk.testkit.internal.cis.EntitlementBook;
import io.calmsdk.testkit.internal.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What each subaccount sees of the Service Manager catalog: only the plans entitled to it, and only once
 * the entitlement has become visible (the Entitlements API decides when). Callers hold the world lock.
 */
final class CatalogView {

    private final World world;
    private final Catalog catalog;
    private final Instant created;

    /**
     * Derives the catalog from the global account's plans.
     *
     * @param world simulator state
     */
    CatalogView(World world) {
        this.world = world;
        this.catalog = new Catalog(world.settings().globalAccountPlans());
        this.created = world.now();
    }

    /** @return when the catalog was created ({@code created_at} of offerings and plans) */
    Instant created() {
        return created;
    }

    /**
     * The plans a subaccount sees.
     *
     * @param subaccountId subaccount
     * @return its visible plans, in catalog order
     */
    List<Catalog.Plan> plans(String subaccountId) {
        EntitlementBook entitlements = world.entitlements();
        List<Catalog.Plan> result = new ArrayList<>();
        for (Catalog.Plan p : catalog.plans()) {
            if (entitlements.visibleInCatalog(subaccountId, p.source().serviceName(), p.source().planName())) {
                result.add(p);
            }
        }
        return result;
    }

    /**
     * The offerings a subaccount sees: those with at least one visible plan.
     *
     * @param subaccountId subaccount
     * @return its visible offerings, in catalog order
     */
    List<Catalog.Offering> offerings(String subaccountId) {
        List<Catalog.Offering> result = new ArrayList<>();
        for (Catalog.Plan p : plans(subaccountId)) {
            if (!result.contains(p.offering())) {
                result.add(p.offering());
            }
        }
        return result;
    }

    /**
     * Counts a catalog read, which brings freshly entitled plans closer to being visible.
     *
     * @param subaccountId subaccount
     */
    void read(String subaccountId) {
        world.entitlements().catalogRead(subaccountId);
    }

    /**
     * Looks a visible plan up by offering and plan name. The Cloud ALM offering also answers to its alias
     * {@code sap-cloud-alm-api}.
     *
     * @param subaccountId subaccount
     * @param offeringName offering name
     * @param planName plan name
     * @return the plan, or empty when the subaccount does not see it
     */
    Optional<Catalog.Plan> findPlan(String subaccountId, String offeringName, String planName) {
        String offering = EntitlementBook.canonicalService(offeringName);
        for (Catalog.Plan p : plans(subaccountId)) {
            if (p.offering().name().equals(offering) && p.name().equals(planName)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * Looks a visible plan up by id.
     *
     * @param subaccountId subaccount
     * @param planId plan id
     * @return the plan, or empty when the subaccount does not see it
     */
    Optional<Catalog.Plan> findPlan(String subaccountId, String planId) {
        return plans(subaccountId).stream().filter(p -> p.id().equals(planId)).findFirst();
    }

    /**
     * The Cloud ALM API plan, whether or not any subaccount sees it, for seeding.
     *
     * @return the plan
     * @throws IllegalStateException when the global account does not own it
     */
    Catalog.Plan cloudAlmPlan() {
        return catalog.plans().stream().filter(CatalogView::isCloudAlm).findFirst()
                .orElseThrow(() -> new IllegalStateException("the global account does not own the Cloud ALM plan"));
    }

    /**
     * Whether a plan belongs to the Cloud ALM API offering, whose broker reads {@code xs-security} and
     * hands out Cloud ALM keys.
     *
     * @param plan the plan
     * @return whether it is a Cloud ALM plan
     */
    static boolean isCloudAlm(Catalog.Plan plan) {
        return GlobalAccountPlan.CLOUD_ALM_SERVICE.equals(plan.offering().name());
    }
}
