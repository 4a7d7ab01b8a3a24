package io.calmsdk.examples.spring;

import io.calmsdk.spring.boot.test.CalmSimulatorInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Points the example at the in-process simulator when no Cloud ALM key is configured or bound
 * ({@code calm.service-key}, {@code VCAP_SERVICES}, {@code SERVICE_BINDING_ROOT}), or when
 * {@code calm.example.simulator=true}; {@code calm.example.simulator=false} never uses it.
 */
public class SimulatorWhenNoKey implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger LOG = LoggerFactory.getLogger(SimulatorWhenNoKey.class);

    /**
     * Creates the initializer.
     */
    public SimulatorWhenNoKey() {
    }

    /**
     * Starts the simulator and points {@code calm.*} at it, unless a key is configured.
     *
     * @param context the context being prepared
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        boolean keyed = environment.containsProperty("calm.service-key")
                || environment.containsProperty("VCAP_SERVICES")
                || environment.containsProperty("SERVICE_BINDING_ROOT");
        if (environment.getProperty("calm.example.simulator", Boolean.class, !keyed)) {
            new CalmSimulatorInitializer().initialize(context);
            LOG.info("No Cloud ALM key configured: running against the in-process calm-sdk simulator"
                    + " (set calm.service-key to call a real tenant)");
        }
    }
}
