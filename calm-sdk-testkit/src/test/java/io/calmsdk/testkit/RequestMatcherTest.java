package io.calmsdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestMatcherTest {

    @Test
    void of_methodAndGlob_matchesOnlyThatMethodAndPath() {
        RequestMatcher m = RequestMatcher.of("POST", "/v1/service_instances*");

        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "POST", "/v1/service_instances")).isTrue();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "post", "/v1/service_instances/1/x")).isTrue();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances")).isFalse();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "POST", "/v1/service_bindings")).isFalse();
    }

    @Test
    void path_globInTheMiddle_matchesAnySegment() {
        RequestMatcher m = RequestMatcher.path("/v1/service_instances/*/operations/*");

        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances/a/operations/b")).isTrue();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances/a")).isFalse();
    }

    @Test
    void on_api_restrictsToThatService() {
        RequestMatcher m = RequestMatcher.path("/oauth/token").on(SimulatedApi.XSUAA);

        assertThat(m.matches(SimulatedApi.XSUAA, "POST", "/oauth/token")).isTrue();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "POST", "/oauth/token")).isFalse();
        assertThat(RequestMatcher.api(SimulatedApi.CLOUD_ALM).matches(SimulatedApi.CLOUD_ALM, "GET", "/api/x"))
                .isTrue();
        assertThat(RequestMatcher.any().matches(SimulatedApi.ACCOUNTS, "DELETE", "/x")).isTrue();
        assertThat(m.toString()).isEqualTo("XSUAA * /oauth/token");
    }

    @Test
    void pathGlob_regexCharacters_areLiteral() {
        RequestMatcher m = RequestMatcher.path("/api/x(1)?.json");

        assertThat(m.matches(SimulatedApi.CLOUD_ALM, "GET", "/api/x(1)?.json")).isTrue();
        assertThat(m.matches(SimulatedApi.CLOUD_ALM, "GET", "/api/x1.json")).isFalse();
    }

    @Test
    void regex_oneSegment_matchesTheResourceButNotItsSubresources() {
        RequestMatcher m = RequestMatcher.regex("GET", "/v1/service_instances/[^/]+");

        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances/a1")).isTrue();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances/a1/operations/b")).isFalse();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "GET", "/v1/service_instances")).isFalse();
        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "DELETE", "/v1/service_instances/a1")).isFalse();
        assertThat(m.toString()).isEqualTo("GET ~/v1/service_instances/[^/]+");
    }

    @Test
    void regex_narrowedToAnApi_keepsTheExpression() {
        RequestMatcher m = RequestMatcher.regex("*", "/v1/.+").on(SimulatedApi.SERVICE_MANAGER);

        assertThat(m.matches(SimulatedApi.SERVICE_MANAGER, "PATCH", "/v1/x")).isTrue();
        assertThat(m.matches(SimulatedApi.XSUAA, "PATCH", "/v1/x")).isFalse();
        assertThat(m.toString()).isEqualTo("SERVICE_MANAGER * ~/v1/.+");
    }
}
