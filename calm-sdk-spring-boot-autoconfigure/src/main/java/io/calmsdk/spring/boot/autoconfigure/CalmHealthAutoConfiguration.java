package io.calmsdk.spring.boot.autoconfigure;

import io.calmsdk.api.CloudAlmClient;
import io.calmsdk.auth.TokenProvider;
import io.calmsdk.core.ClientOptions;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The {@code calm} actuator health indicator, on Spring Boot 4 ({@code spring-boot-health}) and 3.5
 * ({@code spring-boot-actuator}): UP when a token can be obtained and Cloud ALM answers; the result is
 * cached for {@code calm.health.cache-ttl} (30 s by default). Created when a {@link CloudAlmClient} bean
 * exists; off with {@code management.health.calm.enabled=false}. Replace it by declaring a bean named
 * {@value #BEAN_NAME}.
 */
@AutoConfiguration(after = CalmAutoConfiguration.class)
@ConditionalOnClass(CloudAlmClient.class)
@ConditionalOnBean({CloudAlmClient.class, TokenProvider.class})
@Conditional(Conditions.OnHealthIndicatorEnabled.class)
public class CalmHealthAutoConfiguration {

    /** The bean name of the health indicator, which makes its name in the health endpoint {@code calm}. */
    public static final String BEAN_NAME = "calmHealthIndicator";

    /**
     * Creates the configuration.
     */
    public CalmHealthAutoConfiguration() {
    }

    @Bean
    CalmHealthCheck calmHealthCheck(CloudAlmClient client, TokenProvider tokens, CalmProperties properties,
            ClientOptions options) {
        return new CalmHealthCheck(client, tokens, properties.getHealth().getPath(),
                properties.getHealth().getCacheTtl(), options.clock());
    }

    /** The indicator on Spring Boot 4. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Boot4 {

        @Bean(BEAN_NAME)
        @ConditionalOnMissingBean(name = BEAN_NAME)
        CalmHealthIndicator calmHealthIndicator(CalmHealthCheck check) {
            return new CalmHealthIndicator(check);
        }
    }

    /** The indicator on Spring Boot 3.5. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = Boot3HealthIndicatorRegistrar.INDICATOR)
    @ConditionalOnMissingClass("org.springframework.boot.health.contributor.HealthIndicator")
    @Import(Boot3HealthIndicatorRegistrar.class)
    static class Boot3 {
    }
}
