package io.calmsdk.spring.boot.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a Spring test against the calm-sdk testkit simulator: the context gets a simulator of its own
 * (through {@link CalmSimulatorInitializer}), {@code calm.*} points at it, and the simulator is a bean
 * ({@code @Autowired BtpSimulator sim}) closed with the context. Contexts are cached as usual, so test
 * classes with the same configuration share one simulator: seed what a test needs in the test.
 *
 * <pre>{@code
 * @SpringBootTest
 * @WithCalmSimulator
 * class ProjectSyncTest {
 *     @Autowired CloudAlmClient calm;
 *     @Autowired BtpSimulator sim;
 *
 *     @Test
 *     void listsProjects() {
 *         sim.cloudAlm().createProject("S/4HANA rollout");
 *         assertThat(calm.projects().list()).hasSize(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Set {@code calm.test.simulator.scopes} (e.g. in {@code @SpringBootTest(properties = ...)}) to give the
 * Cloud ALM key other scopes. Needs {@code spring-test} and {@code io.calmsdk:calm-sdk-testkit} on the test
 * class path.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ContextConfiguration(initializers = CalmSimulatorInitializer.class)
public @interface WithCalmSimulator {
}
