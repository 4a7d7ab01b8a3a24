package io.calmsdk.testkit.internal.cis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.http.ApiError;
import io.calmsdk.testkit.internal.http.Router;
import io.calmsdk.testkit.internal.http.SimRequest;
import io.calmsdk.testkit.internal.http.SimResponse;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.world.AdminKeys;
import io.calmsdk.testkit.internal.world.Subaccounts;
import io.calmsdk.testkit.internal.world.World;

/**
 * The simulated Accounts API: subaccount reads and the one-key mode's Service Manager credential
 * ({@code serviceManagementBinding}) per subaccount.
 */
public final class AccountsApi {

    private static final String BINDING_PATH = "/accounts/v1/subaccounts/{id}/serviceManagementBinding";

    private final World world;
    private final AdminKeys keys;

    /**
     * Creates the API.
     *
     * @param world simulator state
     */
    public AccountsApi(World world) {
        this.world = world;
        this.keys = new AdminKeys(world);
    }

    /** @return the routes */
    public Router router() {
        return new Router()
                .route("GET", "/accounts/v1/subaccounts", this::listSubaccounts)
                .route("GET", "/accounts/v1/subaccounts/{id}", this::getSubaccount)
                .route("POST", BINDING_PATH, this::createBinding)
                .route("GET", BINDING_PATH, this::getBinding)
                .route("DELETE", BINDING_PATH, this::deleteBinding)
                .route("GET", "/jobs-management/v1/jobs/{id}/status",
                        request -> EntitlementsApi.jobStatus(world, request));
    }

    private SimResponse listSubaccounts(SimRequest request) {
        CisAuth.check(request, world, false);
        ObjectNode body = JsonSupport.object();
        ArrayNode value = body.putArray("value");
        world.subaccounts().all().forEach(s -> value.add(subaccountJson(s)));
        return SimResponse.json(200, body);
    }

    private SimResponse getSubaccount(SimRequest request) {
        CisAuth.check(request, world, false);
        return SimResponse.json(200, subaccountJson(subaccount(request)));
    }

    private Subaccounts.Subaccount subaccount(SimRequest request) {
        String id = request.pathParam("id");
        return world.subaccounts().find(id)
                .orElseThrow(() -> new ApiError(404, "11004", "Subaccount " + id + " not found"));
    }

    private ObjectNode subaccountJson(Subaccounts.Subaccount s) {
        ObjectNode node = JsonSupport.object();
        node.put("guid", s.id());
        node.put("technicalName", s.id());
        node.put("displayName", s.displayName());
        // Required by SAP's Accounts OpenAPI spec (generated clients reject an object without it); empty when
        // the subaccount was created without one.
        node.put("description", "");
        node.put("globalAccountGUID", world.globalAccountId());
        node.put("parentGUID", world.globalAccountId());
        node.put("parentType", "ROOT");
        node.put("region", s.region());
        node.put("subdomain", s.subdomain());
        node.put("betaEnabled", false);
        node.put("usedForProduction", "UNSET");
        node.put("state", "OK");
        node.put("stateMessage", "Subaccount created.");
        node.put("createdDate", s.createdAt().toEpochMilli());
        node.put("modifiedDate", s.createdAt().toEpochMilli());
        return node;
    }

    private SimResponse createBinding(SimRequest request) {
        CisAuth.check(request, world, true);
        Subaccounts.Subaccount subaccount = subaccount(request);
        synchronized (world.lock()) {
            if (world.serviceManager().accountsBinding(subaccount.id()).isPresent()) {
                throw new ApiError(409, "11009", "A Service Manager binding already exists for subaccount "
                        + subaccount.id());
            }
            ObjectNode key = keys.createServiceManagerKey(subaccount, false);
            world.serviceManager().accountsBinding(subaccount.id(), key);
            return SimResponse.json(201, key);
        }
    }

    private SimResponse getBinding(SimRequest request) {
        CisAuth.check(request, world, false);
        Subaccounts.Subaccount subaccount = subaccount(request);
        synchronized (world.lock()) {
            ObjectNode key = world.serviceManager().accountsBinding(subaccount.id())
                    .orElseThrow(() -> new ApiError(404, "11004",
                            "No Service Manager binding exists for subaccount " + subaccount.id()));
            return SimResponse.json(200, key);
        }
    }

    private SimResponse deleteBinding(SimRequest request) {
        CisAuth.check(request, world, true);
        Subaccounts.Subaccount subaccount = subaccount(request);
        synchronized (world.lock()) {
            ObjectNode key = world.serviceManager().accountsBinding(subaccount.id())
                    .orElseThrow(() -> new ApiError(404, "11004",
                            "No Service Manager binding exists for subaccount " + subaccount.id()));
            world.clients().remove(key.path("clientid").asText());
            world.serviceManager().accountsBinding(subaccount.id(), null);
            return SimResponse.empty(204);
        }
    }
}
