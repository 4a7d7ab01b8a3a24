package io.calmsdk.spring.boot.autoconfigure;

import java.util.Optional;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** The starter's own conditions. Their messages (in the conditions report) never hold a key's content. */
final class Conditions {

    private Conditions() {
    }

    /** Matches when a Cloud ALM service key is configured or bound (see {@link ServiceKeyLocator}). */
    static final class OnServiceKey extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            CalmProperties properties = ServiceKeyLocator.bind(environment);
            Optional<ServiceKeyLocator.Location> location = ServiceKeyLocator.locate(properties, environment);
            return location
                    .map(l -> ConditionOutcome.match("Cloud ALM service key from " + l.description()))
                    .orElseGet(() -> ConditionOutcome.noMatch("no Cloud ALM service key in "
                            + ServiceKeyLocator.placesLookedAt(properties, environment)));
        }
    }

    /** Matches when {@code calm.admin.cis-key} or {@code calm.admin.sm-key} is set. */
    static final class OnAdminKey extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            CalmProperties.Admin admin = ServiceKeyLocator.bind(context.getEnvironment()).getAdmin();
            boolean cis = isSet(admin.getCisKey());
            boolean sm = isSet(admin.getSmKey());
            if (!cis && !sm) {
                return ConditionOutcome.noMatch("neither calm.admin.cis-key nor calm.admin.sm-key is set");
            }
            return ConditionOutcome.match("admin keys set:" + (cis ? " calm.admin.cis-key" : "")
                    + (sm ? " calm.admin.sm-key" : ""));
        }
    }

    /**
     * Matches unless {@code management.health.calm.enabled} is {@code false}, or it is unset and
     * {@code management.health.defaults.enabled} is {@code false}: the rule of Spring Boot's own indicators.
     */
    static final class OnHealthIndicatorEnabled extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            Boolean own = environment.getProperty("management.health.calm.enabled", Boolean.class);
            if (own != null) {
                return own ? ConditionOutcome.match("management.health.calm.enabled is true")
                        : ConditionOutcome.noMatch("management.health.calm.enabled is false");
            }
            boolean defaults = environment.getProperty("management.health.defaults.enabled", Boolean.class, true);
            return defaults ? ConditionOutcome.match("health indicators enabled by default")
                    : ConditionOutcome.noMatch("management.health.defaults.enabled is false");
        }
    }

    static boolean isSet(String value) {
        return value != null && !value.isBlank();
    }
}
