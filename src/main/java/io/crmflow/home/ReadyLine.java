package io.crmflow.home;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Says where to go once the application answers: the last start-up line a person reads. */
@Component
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        Environment environment = event.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        log.info("crmflow is ready. Sign in and start at {}/ (home); Tasklist {}/camunda/app/tasklist/, dashboard {}/dashboard, "
                + "customers {}/customers, API docs {}/swagger-ui.html, health {}/actuator/health", base, base, base, base, base, base);
    }
}
