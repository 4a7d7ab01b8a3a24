package io.calmsdk.testkit.internal.world;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.calmsdk.testkit.internal.json.JsonSupport;
import io.calmsdk.testkit.internal.uaa.OAuthClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Creates the administrator keys a client needs before it can provision anything: the Cloud Management
 * ({@code cis}) key of the global account and Service Manager keys of subaccounts, each backed by a real
 * OAuth client of the simulated XSUAA.
 */
public final class AdminKeys {

    /** Master application of the Cloud Management service. */
    public static final String CIS_MASTER = "cis-central!b14";
    /** Master application of Service Manager. */
    public static final String SM_MASTER = "service-manager!b1";

    private static final List<String> CIS_READ = List.of("global-account.read", "global-account.subaccount.read",
            "global-account.entitlement.read", "job.read");
    private static final List<String> CIS_WRITE = List.of("global-account.update", "global-account.subaccount.update",
            "global-account.entitlement.subaccount.update", "global-account.subaccount.service-management.manage");
    private static final List<String> SM_SCOPES = List.of("job.read", "event.read", "catalog.read",
            "service_instance.manage", "service_binding.manage");

    private final World world;

    /**
     * Creates the factory.
     *
     * @param world the simulator state
     */
    public AdminKeys(World world) {
        this.world = world;
    }

    /**
     * Registers a Cloud Management client and returns its key.
     *
     * @param central true for plan {@code central} (may assign), false for a read-only plan
     * @return the key JSON
     */
    public ObjectNode createCisKey(boolean central) {
        String xsappname = "ut-" + UUID.randomUUID() + "-clone!b" + Ids.appNumber() + "|" + CIS_MASTER;
        String clientId = "sb-" + xsappname;
        String secret = Ids.clientSecret();
        List<String> scopes = new java.util.ArrayList<>();
        CIS_READ.forEach(s -> scopes.add(CIS_MASTER + "." + s));
        if (central) {
            CIS_WRITE.forEach(s -> scopes.add(CIS_MASTER + "." + s));
        }
        scopes.add("uaa.resource");
        List<String> granted = List.copyOf(scopes);
        OAuthClient client = new OAuthClient(clientId,
                central ? OAuthClient.Kind.CIS_CENTRAL : OAuthClient.Kind.CIS_VIEWER,
                world.globalAccountId(), world.globalAccountSubdomain(), xsappname, null, true,
                () -> granted, Optional::<Duration>empty);
        world.clients().register(client.addSecret("key", secret));

        Urls urls = world.urls();
        ObjectNode key = JsonSupport.object();
        ObjectNode endpoints = key.putObject("endpoints");
        endpoints.put("accounts_service_url", Urls.text(urls.accounts()));
        endpoints.put("entitlements_service_url", Urls.text(urls.entitlements()));
        key.put("grant_type", "client_credentials");
        key.put("sap.cloud.service", "com.sap.core.commercial.service.central");
        ObjectNode uaa = key.putObject("uaa");
        uaa.put("apiurl", Urls.text(urls.uaa()));
        uaa.put("clientid", clientId);
        uaa.put("clientsecret", secret);
        uaa.put("credential-type", "binding-secret");
        uaa.put("identityzone", world.globalAccountSubdomain());
        uaa.put("identityzoneid", world.globalAccountId());
        uaa.put("sburl", Urls.text(urls.uaa()));
        uaa.put("subaccountid", world.globalAccountId());
        uaa.put("tenantid", world.globalAccountId());
        uaa.put("tenantmode", "dedicated");
        uaa.put("uaadomain", urls.uaaDomain());
        uaa.put("url", Urls.text(urls.uaa()));
        uaa.put("verificationkey", world.tokens().publicKeyPem());
        uaa.put("xsappname", xsappname);
        uaa.put("zoneid", world.globalAccountId());
        return key;
    }

    /**
     * Registers a Service Manager client (plan {@code subaccount-admin}) for a subaccount.
     *
     * @param subaccount the subaccount
     * @param permanent whether the key survives a reset
     * @return the key JSON {@code {clientid, clientsecret, sm_url, url, xsappname}}
     */
    public ObjectNode createServiceManagerKey(Subaccounts.Subaccount subaccount, boolean permanent) {
        String xsappname = UUID.randomUUID() + "!b" + Ids.appNumber() + "|" + SM_MASTER;
        String clientId = "sb-" + xsappname;
        String secret = Ids.clientSecret();
        List<String> scopes = new java.util.ArrayList<>();
        SM_SCOPES.forEach(s -> scopes.add(xsappname + "." + s));
        scopes.add("uaa.resource");
        List<String> granted = List.copyOf(scopes);
        OAuthClient client = new OAuthClient(clientId, OAuthClient.Kind.SERVICE_MANAGER, subaccount.id(),
                subaccount.subdomain(), xsappname, null, permanent, () -> granted, Optional::<Duration>empty);
        world.clients().register(client.addSecret("key", secret));

        Urls urls = world.urls();
        ObjectNode key = JsonSupport.object();
        key.put("clientid", clientId);
        key.put("clientsecret", secret);
        key.put("sm_url", Urls.text(urls.serviceManager()));
        key.put("url", Urls.text(urls.uaa()));
        key.put("xsappname", xsappname);
        return key;
    }
}
