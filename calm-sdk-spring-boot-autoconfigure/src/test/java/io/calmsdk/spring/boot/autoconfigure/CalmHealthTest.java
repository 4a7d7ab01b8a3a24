package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.RequestMatcher;
import io.calmsdk.testkit.SimulatedApi;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The {@code calm} health indicator against the simulator: its conditions, its checks, its cache and its details. */
@CalmSimulatorTest
class CalmHealthTest {

    @TempDir
    Path tmp;

    /** Against the simulator, on its movable clock, waiting for nothing between retries. */
    private ApplicationContextRunner runner(BtpSimulator sim, String key) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalmAutoConfiguration.class, CalmHealthAutoConfiguration.class))
                .withPropertyValues("calm.kubernetes.secrets-root=" + tmp.resolve("sapbtp"), "calm.service-key=" + key,
                        "calm.retry.max-attempts=2")
                .withBean(CalmClientOptionsCustomizer.class, () -> o -> o.clock(sim.clock()).sleeper(d -> { }));
    }

    private static String readKey(BtpSimulator sim) {
        return sim.seed().cloudAlmKey("calm-api.projects.read").json();
    }

    @Test
    void clientBean_indicatorOfThisBootLineNamedCalm(BtpSimulator sim) {
        runner(sim, readKey(sim)).run(context -> {
            assertThat(context).hasBean(CalmHealthAutoConfiguration.BEAN_NAME);
            assertThat(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME)).isInstanceOf(HealthProbe.indicatorType());
            assertThat(context.getBeanNamesForType(HealthProbe.indicatorType()))
                    .containsExactly(CalmHealthAutoConfiguration.BEAN_NAME);
        });
    }

    @Test
    void tokenAndApiAnswer_up_withDetailsButNoSecret(BtpSimulator sim) {
        String key = readKey(sim);
        String secret = secretOf(key);
        runner(sim, key).run(context -> {
            Object health = HealthProbe.health(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME));
            assertThat(HealthProbe.status(health)).isEqualTo("UP");
            Map<String, Object> details = HealthProbe.details(health);
            assertThat(details).containsEntry("status", 200).containsEntry("token", "obtained")
                    .containsEntry("path", "/calm-projects/v1/projects").containsKeys("endpoint", "checkedAt");
            assertThat(details.toString()).doesNotContain(secret);
        });
    }

    @Test
    void resultCachedForTheTtl_thenCheckedAgain(BtpSimulator sim) {
        runner(sim, readKey(sim)).withPropertyValues("calm.health.cache-ttl=30s").run(context -> {
            Object indicator = context.getBean(CalmHealthAutoConfiguration.BEAN_NAME);
            for (int i = 0; i < 5; i++) {
                assertThat(HealthProbe.status(HealthProbe.health(indicator))).isEqualTo("UP");
            }
            assertThat(sim.journal().count(SimulatedApi.CLOUD_ALM, "GET", "/api/calm-projects")).isEqualTo(1);
            assertThat(sim.journal().tokenRequests()).isEqualTo(1);

            sim.clock().advance(Duration.ofSeconds(31));
            assertThat(HealthProbe.status(HealthProbe.health(indicator))).isEqualTo("UP");
            assertThat(sim.journal().count(SimulatedApi.CLOUD_ALM, "GET", "/api/calm-projects")).isEqualTo(2);
            assertThat(sim.journal().tokenRequests()).as("the token is still valid: XSUAA is not asked again")
                    .isEqualTo(1);
        });
    }

    @Test
    void wrongSecret_down_detailsNameTheTokenFailureWithoutTheSecret(BtpSimulator sim) {
        String key = readKey(sim);
        String wrong = key.replace(secretOf(key), Keys.CALM_SECRET);
        runner(sim, wrong).run(context -> {
            Object health = HealthProbe.health(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME));
            assertThat(HealthProbe.status(health)).isEqualTo("DOWN");
            Map<String, Object> details = HealthProbe.details(health);
            assertThat(details).containsEntry("token", "not obtained");
            assertThat(String.valueOf(details.get("error"))).contains("TokenAcquisitionException").contains("401");
            assertThat(details.toString()).doesNotContain(Keys.CALM_SECRET);
        });
    }

    @Test
    void cloudAlmFailing_down_withStatus(BtpSimulator sim) {
        runner(sim, readKey(sim)).run(context -> {
            sim.faults().failNext(2, 503, RequestMatcher.api(SimulatedApi.CLOUD_ALM));
            Object health = HealthProbe.health(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME));
            assertThat(HealthProbe.status(health)).isEqualTo("DOWN");
            assertThat(HealthProbe.details(health)).containsEntry("status", 503);
        });
    }

    @Test
    void keyWithoutTheScopeOfThePath_stillUp_theApiAnswered(BtpSimulator sim) {
        runner(sim, sim.seed().cloudAlmKey("calm-api.tasks.read").json()).run(context -> {
            Object health = HealthProbe.health(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME));
            assertThat(HealthProbe.status(health)).isEqualTo("UP");
            assertThat(HealthProbe.details(health)).containsEntry("status", 403);
        });
    }

    @Test
    void disabledByProperty_noIndicator(BtpSimulator sim) {
        runner(sim, readKey(sim)).withPropertyValues("management.health.calm.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CalmHealthAutoConfiguration.BEAN_NAME));
    }

    @Test
    void defaultsDisabled_noIndicator_unlessEnabledByName(BtpSimulator sim) {
        runner(sim, readKey(sim)).withPropertyValues("management.health.defaults.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CalmHealthAutoConfiguration.BEAN_NAME));
        runner(sim, readKey(sim)).withPropertyValues("management.health.defaults.enabled=false",
                "management.health.calm.enabled=true")
                .run(context -> assertThat(context).hasBean(CalmHealthAutoConfiguration.BEAN_NAME));
    }

    @Test
    void noKey_noIndicator(BtpSimulator sim) {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalmAutoConfiguration.class, CalmHealthAutoConfiguration.class))
                .withPropertyValues("calm.kubernetes.secrets-root=" + tmp.resolve("sapbtp"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CalmHealthAutoConfiguration.BEAN_NAME));
    }

    @Test
    void applicationIndicatorNamedCalm_autoConfiguredOneBacksOff(BtpSimulator sim) {
        Object mine = new Object();
        runner(sim, readKey(sim)).withBean(CalmHealthAutoConfiguration.BEAN_NAME, Object.class, () -> mine)
                .run(context -> assertThat(context.getBean(CalmHealthAutoConfiguration.BEAN_NAME)).isSameAs(mine));
    }

    static String secretOf(String keyJson) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(keyJson).path("uaa").path("clientsecret")
                    .asText();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
