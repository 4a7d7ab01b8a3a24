package io.calmsdk.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.world.AdminKeys;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The administrator keys the simulator hands out: each is created once, on first request, and the same
 * key is handed out again afterwards, so a test may ask for a key as often as it likes without
 * registering new OAuth clients. Thread-safe.
 */
final class SimulatorKeys {

    private final World world;
    private final AdminKeys factory;
    private final ObjectNode cisCentral;
    private final Map<String, ObjectNode> serviceManager = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile ObjectNode cisViewer;

    /**
     * Creates the Cloud Management key of plan {@code central} at once, since nearly every test needs it.
     *
     * @param world the simulator state, its hosts already bound (keys name their URLs)
     */
    SimulatorKeys(World world) {
        this.world = world;
        this.factory = new AdminKeys(world);
        this.cisCentral = factory.createCisKey(true);
    }

    /** @return the Cloud Management key of plan {@code central} */
    SimulatedKey cisCentral() {
        return new SimulatedKey("cis central", cisCentral);
    }

    /** @return the read-only Cloud Management key, created on first use */
    SimulatedKey cisViewer() {
        ObjectNode key = cisViewer;
        if (key == null) {
            synchronized (this) {
                if (cisViewer == null) {
                    cisViewer = factory.createCisKey(false);
                }
                key = cisViewer;
            }
        }
        return new SimulatedKey("cis viewer", key);
    }

    /**
     * The Service Manager key of a subaccount, created on first use.
     *
     * @param subaccountId subaccount
     * @return the key
     * @throws IllegalArgumentException when the subaccount does not exist
     */
    SimulatedKey serviceManager(String subaccountId) {
        Subaccounts.Subaccount subaccount = world.subaccounts().find(subaccountId)
                .orElseThrow(() -> new IllegalArgumentException("no subaccount " + subaccountId));
        ObjectNode key = serviceManager.computeIfAbsent(subaccountId,
                id -> factory.createServiceManagerKey(subaccount, subaccount.baseline()));
        return new SimulatedKey("Service Manager", key);
    }

    /** Forgets the keys of subaccounts a reset removed; their OAuth clients are gone with them. */
    void forgetRemovedSubaccounts() {
        serviceManager.keySet().removeIf(id -> world.subaccounts().find(id).isEmpty());
    }
}
