package io.crmflow.process;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;

/**
 * The job executor's backlog for Prometheus: jobs due now and not yet taken (timers, async steps), and jobs out of
 * retries (each an incident to look at in Cockpit). Read from the engine's tables at each scrape.
 */
@Component
class JobMetrics {

    JobMetrics(ManagementService management, MeterRegistry meters) {
        Gauge.builder("crmflow.jobs.due", management, engine -> engine.createJobQuery().executable().count())
                .description("Jobs due now and waiting for the job executor").register(meters);
        Gauge.builder("crmflow.jobs.failed", management, engine -> engine.createJobQuery().noRetriesLeft().count())
                .description("Jobs with no retries left (incidents)").register(meters);
    }
}
