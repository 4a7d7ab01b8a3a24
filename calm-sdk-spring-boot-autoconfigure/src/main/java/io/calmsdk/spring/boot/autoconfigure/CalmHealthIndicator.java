package io.calmsdk.spring.boot.autoconfigure;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The {@code calm} health indicator on Spring Boot 4 ({@code spring-boot-health}). */
final class CalmHealthIndicator implements HealthIndicator {

    private final CalmHealthCheck check;

    CalmHealthIndicator(CalmHealthCheck check) {
        this.check = check;
    }

    @Override
    public Health health() {
        CalmHealthCheck.Result result = check.result();
        return (result.up() ? Health.up() : Health.down()).withDetails(result.details()).build();
    }

    @Override
    public String toString() {
        return "CalmHealthIndicator{" + check + "}";
    }
}
