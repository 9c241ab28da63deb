package io.crmflow;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

// Users come from Camunda's identity service (see io.crmflow.security), not from a generated Spring Security user.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CrmflowApplication {

    public static void main(String[] args) {
        SpringApplication.run(CrmflowApplication.class, args);
    }
}
