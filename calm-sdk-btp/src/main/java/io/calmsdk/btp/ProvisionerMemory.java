package io.calmsdk.btp;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a provisioner learns once and keeps for its life, so warm calls skip the reads: subaccounts
 * whose entitlement it has confirmed, and the catalog ids of each Service Manager and subaccount.
 * Thread-safe.
 */
final class ProvisionerMemory {

    private final Set<String> entitledSubaccounts = ConcurrentHashMap.newKeySet();
    private final Map<String, CatalogIds> catalog = new ConcurrentHashMap<>();

    boolean entitlementConfirmed(String subaccountId) {
        return entitledSubaccounts.contains(subaccountId);
    }

    void confirmEntitlement(String subaccountId) {
        entitledSubaccounts.add(subaccountId);
    }

    void forgetEntitlement(String subaccountId) {
        entitledSubaccounts.remove(subaccountId);
    }

    /** Per Service Manager and subaccount: what a subaccount's catalog shows depends on its entitlements. */
    CatalogIds catalogIds(URI serviceManager, String subaccountId) {
        return catalog.get(serviceManager + "#" + subaccountId);
    }

    void rememberCatalog(URI serviceManager, String subaccountId, CatalogIds ids) {
        catalog.put(serviceManager + "#" + subaccountId, ids);
    }
}
