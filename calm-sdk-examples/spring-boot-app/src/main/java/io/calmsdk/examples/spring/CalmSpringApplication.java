package io.calmsdk.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot application that calls SAP Cloud ALM through calm-sdk-spring-boot-starter: the starter
 * creates the {@code CloudAlmClient} from the Cloud ALM key ({@code calm.service-key}, {@code VCAP_SERVICES}
 * or a Kubernetes binding), {@code /actuator/health} shows {@code calm}, and
 * {@code /actuator/metrics/calm.client.requests} times every HTTP attempt. Without any key it starts an
 * in-process simulator ({@link SimulatorWhenNoKey}).
 */
@SpringBootApplication
public class CalmSpringApplication {

    /**
     * Runs the application.
     *
     * @param args Spring Boot arguments, e.g. {@code --calm.service-key=/path/to/calm-key.json}
     */
    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(CalmSpringApplication.class);
        application.addInitializers(new SimulatorWhenNoKey());
        application.run(args);
    }
}
