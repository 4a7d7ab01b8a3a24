package io.calmsdk.btp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.TokenAcquisitionException;
import io.calmsdk.btp.internal.ClientSettings;
import io.calmsdk.core.exception.CalmClientException;
import io.calmsdk.core.exception.CalmServiceException;
import io.calmsdk.core.exception.ForbiddenException;
import io.calmsdk.core.exception.ServiceFailure;
import io.calmsdk.core.exception.UnauthorizedException;
import io.calmsdk.core.keys.ServiceKeys;
import io.calmsdk.core.model.ServiceManagerKey;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which client serves a subaccount, and which failures evict it. No network: building a client calls nothing. */
class ServiceManagersTest {

    private static final String SUB = "0f2c7d1e-3b4a-4c5d-8e9f-0a1b2c3d4e5f";
    private static final String OTHER_SUB = "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a";
    private static final URI SM = URI.create("https://sm.example.test");
    private static final ServiceManagerKey DEFAULT_KEY = key("sb-default");
    private static final ServiceManagerKey OWN_KEY = key("sb-own");

    private static ServiceManagerKey key(String clientId) {
        return ServiceKeys.serviceManager().fromJson("{\"clientid\":\"" + clientId + "\",\"clientsecret\":\"never-sent\","
                + "\"sm_url\":\"" + SM + "\",\"url\":\"https://uaa.example.test\"}");
    }

    private static ServiceManagers serviceManagers() {
        return new ServiceManagers(new ClientSettings(), DEFAULT_KEY, Map.of(OTHER_SUB, OWN_KEY), null);
    }

    private static UnauthorizedException unauthorized(String url) {
        return new UnauthorizedException(ServiceFailure.builder().status(401).method("GET").url(url).build());
    }

    private static TokenAcquisitionException tokenRefused(String clientId, Integer status, String error,
            boolean transientFailure) {
        return new TokenAcquisitionException("no token", "https://uaa.example.test/oauth/token", clientId, status, error,
                "Bad credentials", transientFailure, null);
    }

    @Test
    void refusesCredentials_401FromThisServiceManager_evenWrappedInAProvisioningFailure() {
        UnauthorizedException direct = unauthorized(SM + "/v1/service_instances?fieldQuery=name");
        ProvisioningException wrapped = new ProvisioningException(ProvisioningStep.INSTANCE, SUB, "calm-api", "refused",
                List.of(), direct);

        assertThat(ServiceManagers.refusesCredentials(direct, SM, "sb-default")).isTrue();
        assertThat(ServiceManagers.refusesCredentials(wrapped, URI.create(SM + "/"), "sb-default")).isTrue();
    }

    @Test
    void refusesCredentials_401FromAnotherService_isNotThisClientsRefusal() {
        assertThat(ServiceManagers.refusesCredentials(unauthorized("https://entitlements.example.test/entitlements/v1"),
                SM, "sb-default")).isFalse();
        assertThat(ServiceManagers.refusesCredentials(unauthorized("https://sm.example.test:8443/v1/service_instances"),
                SM, "sb-default")).isFalse();
    }

    @Test
    void refusesCredentials_tokenEndpointRejectingThisClient() {
        assertThat(ServiceManagers.refusesCredentials(tokenRefused("sb-default", 401, "invalid_client", false), SM,
                "sb-default")).isTrue();
        assertThat(ServiceManagers.refusesCredentials(tokenRefused("sb-default", 400, "unauthorized", false), SM,
                "sb-default")).isTrue();
        assertThat(ServiceManagers.refusesCredentials(tokenRefused("sb-cis", 401, "invalid_client", false), SM,
                "sb-default")).as("another client's token").isFalse();
        assertThat(ServiceManagers.refusesCredentials(tokenRefused("sb-default", 503, null, true), SM,
                "sb-default")).as("transient").isFalse();
        assertThat(ServiceManagers.refusesCredentials(tokenRefused("sb-default", 400, "invalid_scope", false), SM,
                "sb-default")).as("not the credentials").isFalse();
    }

    @Test
    void refusesCredentials_otherFailures_areNot() {
        ForbiddenException forbidden = new ForbiddenException(ServiceFailure.builder().status(403).method("GET")
                .url(SM + "/v1/service_instances").build());
        CalmServiceException conflict = CalmServiceException.of(ServiceFailure.builder().status(409).method("POST")
                .url(SM + "/v1/service_instances").build());

        assertThat(ServiceManagers.refusesCredentials(forbidden, SM, "sb-default")).isFalse();
        assertThat(ServiceManagers.refusesCredentials(conflict, SM, "sb-default")).isFalse();
        assertThat(ServiceManagers.refusesCredentials(new CalmClientException("reset"), SM, "sb-default")).isFalse();
    }

    @Test
    void forWrites_aSubaccountsOwnKeyElseTheDefault_eachBuiltOnce() {
        try (ServiceManagers sms = serviceManagers()) {
            ServiceManagerClient shared = sms.forWrites(SUB);

            assertThat(sms.forWrites("1a2b3c4d-0000-4000-8000-000000000000")).as("default key: one client")
                    .isSameAs(shared);
            assertThat(sms.forWrites(OTHER_SUB)).isNotSameAs(shared).isSameAs(sms.forWrites(OTHER_SUB));
            assertThat(sms.existing(SUB)).containsSame(shared);
            assertThat(sms.available(SUB)).isTrue();
            assertThat(sms.canServe(SUB)).isTrue();
        }
    }

    @Test
    void evictIfRefused_refusedCredentials_nextCallBuildsAFreshClient() {
        try (ServiceManagers sms = serviceManagers()) {
            ServiceManagerClient refused = sms.forWrites(SUB);

            assertThat(sms.evictIfRefused(SUB, refused, new CalmClientException("connection reset"))).isFalse();
            assertThat(sms.forWrites(SUB)).isSameAs(refused);

            assertThat(sms.evictIfRefused(SUB, refused, unauthorized(SM + "/v1/service_offerings"))).isTrue();
            ServiceManagerClient fresh = sms.forWrites(SUB);
            assertThat(fresh).isNotSameAs(refused);
            assertThat(sms.evictIfRefused(SUB, refused, unauthorized(SM + "/v1/service_offerings")))
                    .as("the stale client again: the fresh one stays").isFalse();
            assertThat(sms.forWrites(SUB)).isSameAs(fresh);
        }
    }

    @Test
    void evictIfRefused_tokenRefusalOfAnotherSubaccountsKey_keepsTheClient() {
        try (ServiceManagers sms = serviceManagers()) {
            ServiceManagerClient own = sms.forWrites(OTHER_SUB);

            assertThat(sms.evictIfRefused(OTHER_SUB, own, tokenRefused("sb-default", 401, "invalid_client", false)))
                    .isFalse();
            assertThat(sms.evictIfRefused(OTHER_SUB, own, tokenRefused("sb-own", 401, "invalid_client", false)))
                    .isTrue();
        }
    }

    @Test
    void close_laterCallsFailInsteadOfBuildingClients() {
        ServiceManagers sms = serviceManagers();
        sms.forWrites(SUB);

        sms.close();

        assertThatThrownBy(() -> sms.forWrites(SUB)).isInstanceOf(CalmClientException.class)
                .hasMessage("the provisioner is closed");
        assertThatThrownBy(() -> sms.forWrites(OTHER_SUB)).isInstanceOf(CalmClientException.class);
    }

    @Test
    void canServe_withoutDefaultKeyOrOneKeyMode_onlyTheSubaccountsWithKeys() {
        try (ServiceManagers sms = new ServiceManagers(new ClientSettings(), null, Map.of(OTHER_SUB, OWN_KEY), null)) {
            assertThat(sms.canServe(OTHER_SUB)).isTrue();
            assertThat(sms.canServe(SUB)).isFalse();
            assertThat(sms.available(SUB)).isFalse();
        }
    }
}
