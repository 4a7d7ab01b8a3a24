package io.calmsdk.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against a {@link io.calmsdk.testkit.BtpSimulator} with default settings: one
 * simulator per class, reset before each test, injected into any test, lifecycle method or constructor
 * parameter of type {@code BtpSimulator}.
 *
 * <pre>{@code
 * @CalmSimulatorTest
 * class ProvisioningIT {
 *     @Test
 *     void ensure_twice_createsOneInstance(BtpSimulator sim) { ... }
 * }
 * }</pre>
 *
 * For other settings register {@link CalmSimulatorExtension#using(io.calmsdk.testkit.SimulatorBuilder)}
 * in a static {@code @RegisterExtension} field instead.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CalmSimulatorExtension.class)
public @interface CalmSimulatorTest {
}
