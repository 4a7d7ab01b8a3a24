package io.calmsdk.spring.boot.test;

import io.calmsdk.testkit.BtpSimulator;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts the calm-sdk testkit simulator (XSUAA, Cloud Management, Service Manager and Cloud ALM on
 * loopback) for a Spring application context and points {@code calm.*} at it: {@code calm.service-key}
 * becomes a Cloud ALM key of the simulator, {@code calm.admin.cis-key} and {@code calm.admin.sm-key} its
 * admin keys. The simulator is a bean named {@value #BEAN_NAME} (seed data, inject faults, read its
 * journal) and is closed with the context.
 *
 * <p>Use it through {@link WithCalmSimulator} on a {@code @SpringBootTest}, or add it to a
 * {@code SpringApplication} ({@code application.addInitializers(new CalmSimulatorInitializer())}) to run an
 * application against the simulator. Needs {@code io.calmsdk:calm-sdk-testkit} on the class path.
 *
 * <p>Settings, read from the environment: {@code calm.test.simulator.scopes} (comma-separated
 * {@code calm-api.*} scopes of the Cloud ALM key; default {@link #DEFAULT_SCOPES}) and
 * {@code calm.test.simulator.admin-keys} ({@code false} leaves the admin keys unset, so no provisioner
 * bean is created; default {@code true}).
 */
public class CalmSimulatorInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of the simulator. */
    public static final String BEAN_NAME = "calmSimulator";

    /** The name of the property source that points {@code calm.*} at the simulator. */
    public static final String PROPERTY_SOURCE = "calmSimulator";

    /** The scopes of the Cloud ALM key when {@code calm.test.simulator.scopes} is not set. */
    public static final List<String> DEFAULT_SCOPES = List.of("calm-api.projects.read", "calm-api.projects.write",
            "calm-api.tasks.read", "calm-api.tasks.write", "calm-api.processhierarchy.read");

    /**
     * Creates the initializer.
     */
    public CalmSimulatorInitializer() {
    }

    /**
     * Starts a simulator, registers it as a bean, adds the {@code calm.*} properties that point at it (ahead
     * of every other property source) and closes it when the context closes.
     *
     * @param context the context being prepared
     */
    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        String configured = environment.getProperty("calm.test.simulator.scopes");
        String[] scopes = configured == null || configured.isBlank() ? DEFAULT_SCOPES.toArray(new String[0])
                : Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .toArray(String[]::new);
        boolean adminKeys = environment.getProperty("calm.test.simulator.admin-keys", Boolean.class, true);

        BtpSimulator simulator = BtpSimulator.builder().start();
        try {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("calm.service-key", simulator.seed().cloudAlmKey(scopes).json());
            if (adminKeys) {
                properties.put("calm.admin.cis-key", simulator.cisCentralKey().json());
                properties.put("calm.admin.sm-key", simulator.serviceManagerKey().json());
            }
            environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, properties));
            context.getBeanFactory().registerSingleton(BEAN_NAME, simulator);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent && ((ContextClosedEvent) event).getApplicationContext() == context) {
                    simulator.close();
                }
            });
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }
}
