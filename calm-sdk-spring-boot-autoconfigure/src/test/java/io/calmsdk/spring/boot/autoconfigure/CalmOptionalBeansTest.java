package io.calmsdk.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.calmsdk.auth.TokenProvider;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.core.ClientOptions;
import io.calmsdk.testkit.BtpSimulator;
import io.calmsdk.testkit.junit.CalmSimulatorTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

/** The provisioner, metrics and sanitizing beans and their conditions; beans closed with the context. */
@CalmSimulatorTest
class CalmOptionalBeansTest {

    @TempDir
    Path tmp;

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CalmAutoConfiguration.class))
                .withPropertyValues("calm.kubernetes.secrets-root=" + tmp.resolve("sapbtp"));
    }

    @Test
    void cisKey_createsProvisioner() {
        runner().withPropertyValues("calm.admin.cis-key=" + Keys.cis()).run(context ->
                assertThat(context).hasSingleBean(CloudAlmProvisioner.class));
    }

    @Test
    void serviceManagerKeyAlone_createsProvisioner() {
        runner().withPropertyValues("calm.admin.sm-key=" + Keys.serviceManager()).run(context ->
                assertThat(context).hasSingleBean(CloudAlmProvisioner.class));
    }

    @Test
    void noAdminKey_noProvisioner() {
        runner().withPropertyValues("calm.service-key=" + Keys.calm()).run(context ->
                assertThat(context).doesNotHaveBean(CloudAlmProvisioner.class));
    }

    @Test
    void btpNotOnClassPath_noProvisioner() {
        runner().withClassLoader(new FilteredClassLoader(CloudAlmProvisioner.class))
                .withPropertyValues("calm.admin.cis-key=" + Keys.cis())
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CloudAlmProvisioner.class));
    }

    @Test
    void applicationProvisioner_autoConfiguredOneBacksOff() {
        CloudAlmProvisioner mine = CloudAlmProvisioner.builder()
                .credentials(io.calmsdk.core.keys.ServiceKeys.cis().fromJson(Keys.cis())).build();
        runner().withPropertyValues("calm.admin.cis-key=" + Keys.cis())
                .withBean("myProvisioner", CloudAlmProvisioner.class, () -> mine)
                .run(context -> assertThat(context.getBean(CloudAlmProvisioner.class)).isSameAs(mine));
    }

    @Test
    void meterRegistry_metricsListenerJoinsTheOptions() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(context -> {
            assertThat(context).hasSingleBean(CalmMetricsListener.class);
            assertThat(context.getBean(ClientOptions.class).requestListeners())
                    .containsExactly(context.getBean(CalmMetricsListener.class));
        });
    }

    @Test
    void noMeterRegistry_noMetricsListener() {
        runner().run(context -> assertThat(context).doesNotHaveBean(CalmMetricsListener.class));
    }

    @Test
    void metricsDisabled_noMetricsListener() {
        runner().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withPropertyValues("calm.metrics.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(CalmMetricsListener.class));
    }

    @Test
    void micrometerNotOnClassPath_noMetricsListener() {
        runner().withClassLoader(new FilteredClassLoader(MeterRegistry.class))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CalmMetricsListener.class));
    }

    @Test
    void actuatorOnClassPath_sanitizingFunction_elseNone() {
        runner().run(context -> assertThat(context).hasBean("calmSanitizingFunction"));
        runner().withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
                .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("calmSanitizingFunction"));
    }

    @Test
    void contextClosed_tokenProviderAndClientClosed(BtpSimulator sim) {
        runner().withPropertyValues("calm.service-key=" + sim.seed().cloudAlmKey("calm-api.projects.read").json())
                .run(context -> {
                    TokenProvider tokens = context.getBean(TokenProvider.class);
                    ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close();
                    assertThatThrownBy(tokens::token).isInstanceOf(IllegalStateException.class);
                    assertThat(sim.journal().tokenRequests()).isZero();
                });
    }

    @Test
    void clientBeans_callTheSimulatorWithOneToken(BtpSimulator sim) {
        sim.cloudAlm().createProject("S/4HANA rollout");
        runner().withPropertyValues("calm.service-key=" + sim.seed().cloudAlmKey("calm-api.projects.read").json())
                .run(context -> {
                    io.calmsdk.api.CloudAlmClient calm = context.getBean(io.calmsdk.api.CloudAlmClient.class);
                    assertThat(calm.projects().list().stream().map(p -> p.name())).containsExactly("S/4HANA rollout");
                    assertThat(calm.projects().list().stream().count()).isEqualTo(1);
                    assertThat(sim.journal().tokenRequests()).isEqualTo(1);
                });
    }
}
