package io.calmsdk.spring.boot.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.btp.CloudAlmProvisioner;
import io.calmsdk.spring.boot.autoconfigure.CalmAutoConfiguration;
import io.calmsdk.testkit.BtpSimulator;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** {@link CalmSimulatorInitializer}: a simulator per context, calm.* pointing at it, closed with the context. */
class CalmSimulatorInitializerTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CalmAutoConfiguration.class))
            .withInitializer(new CalmSimulatorInitializer());

    @Test
    void context_getsSimulatorBeanClientAndProvisioner_simulatorClosedWithIt() {
        AtomicReference<BtpSimulator> simulator = new AtomicReference<>();
        runner.run(context -> {
            BtpSimulator sim = context.getBean(CalmSimulatorInitializer.BEAN_NAME, BtpSimulator.class);
            simulator.set(sim);
            sim.cloudAlm().createProject("Cutover");
            CloudAlmClient calm = context.getBean(CloudAlmClient.class);
            assertThat(calm.endpoint()).isEqualTo(sim.endpoints().cloudAlmApi());
            assertThat(calm.projects().list().stream().map(p -> p.name())).containsExactly("Cutover");
            assertThat(context).hasSingleBean(CloudAlmProvisioner.class);
        });
        assertThat(simulator.get().isClosed()).isTrue();
    }

    @Test
    void scopesSetting_givesTheKeyThoseScopes_adminKeysOff() {
        runner.withPropertyValues("calm.test.simulator.scopes=calm-api.tasks.read",
                "calm.test.simulator.admin-keys=false").run(context -> {
                    assertThat(context).doesNotHaveBean(CloudAlmProvisioner.class);
                    CloudAlmClient calm = context.getBean(CloudAlmClient.class);
                    assertThat(calm.request("GET", "/calm-projects/v1/projects").accept(403).send().status())
                            .isEqualTo(403);
                });
    }
}
