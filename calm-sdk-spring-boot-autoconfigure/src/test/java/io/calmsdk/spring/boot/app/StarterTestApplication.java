package io.calmsdk.spring.boot.app;

import io.calmsdk.spring.boot.autoconfigure.CalmClientOptionsCustomizer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/** The smallest application that uses the starter: web, actuator and the calm-sdk beans. */
@SpringBootApplication
public class StarterTestApplication {

    /** Tests wait for nothing between retries. */
    @Bean
    CalmClientOptionsCustomizer noWaits() {
        return options -> options.sleeper(duration -> { });
    }
}
