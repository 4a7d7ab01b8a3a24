package io.calmsdk.spring.boot.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;
import org.springframework.boot.SpringBootVersion;

/**
 * Reads a health indicator on either Spring Boot line: the tests are compiled once and run on 4.0 and 3.5,
 * whose {@code HealthIndicator} and {@code Health} live in different packages.
 */
final class HealthProbe {

    static final boolean BOOT_3 = SpringBootVersion.getVersion().startsWith("3.");
    static final String INDICATOR = BOOT_3 ? "org.springframework.boot.actuate.health.HealthIndicator"
            : "org.springframework.boot.health.contributor.HealthIndicator";

    private HealthProbe() {
    }

    static Class<?> indicatorType() {
        try {
            return Class.forName(INDICATOR);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /** The {@code Health} the indicator reports now. */
    static Object health(Object indicator) {
        try {
            return indicatorType().getMethod("health").invoke(indicator);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    static String status(Object health) {
        try {
            Object status = health.getClass().getMethod("getStatus").invoke(health);
            Method code = status.getClass().getMethod("getCode");
            return (String) code.invoke(status);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Object health) {
        try {
            return (Map<String, Object>) health.getClass().getMethod("getDetails").invoke(health);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }
}
