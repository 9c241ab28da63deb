package io.crmflow.demo;

import java.time.Instant;
import java.util.Optional;

import io.crmflow.opportunity.OpportunityService;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.process.EngineClock;
import org.camunda.bpm.engine.ProcessEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The living demo (docs/product.md §16, docs/operations.md "Demo history"): at the first start of a demo database, about
 * twelve months of history generated through crmflow's own API, so that every dashboard panel has numbers at once.
 * <p>On by default in the embedded default ({@code crmflow.demo.history}), off in the {@code postgres} profile and in
 * tests. Once per database: the first node to insert the marker row of {@code demo_history} writes it; a restart or a
 * second node finds the row and does nothing. Writing a year through the processes takes minutes on two cores, longer than
 * start-up may take (30 s), so it runs in one background thread once the application is ready; the log reports progress
 * and the end.
 */
@Component
@ConditionalOnProperty(name = "crmflow.demo.history", havingValue = "true")
class DemoHistory {

    private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
    private static final int MARKER = 1;

    private final JdbcClient jdbc;
    private final ProcessEngine engine;
    private final OpportunityService opportunities;
    private final Environment environment;
    private final long seed;
    private final DemoHistoryGenerator.Scale scale;

    DemoHistory(JdbcClient jdbc, ProcessEngine engine, OpportunityService opportunities, Environment environment,
                @Value("${crmflow.demo.history-seed:20260101}") long seed, @Value("${crmflow.demo.history-opportunities:1000}") int opportunityCount) {
        this.jdbc = jdbc;
        this.engine = engine;
        this.opportunities = opportunities;
        this.environment = environment;
        this.seed = seed;
        this.scale = DemoHistoryGenerator.Scale.of(opportunityCount);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!claim()) {
            log.debug("Demo history: already in this database");
            return;
        }
        int port = environment.getRequiredProperty("local.server.port", Integer.class);
        Thread thread = new Thread(() -> {
            try {
                generate(port);
            } catch (RuntimeException failed) {
                log.error("Demo history: stopped; what was written stays (delete the database to start again)", failed);
            }
        }, "crmflow-demo-history");
        thread.setDaemon(true);
        thread.start();
    }

    /** The marker row: true for the one caller that inserted it. */
    boolean claim() {
        try {
            jdbc.sql("insert into demo_history (id, seed, started_at) values (:id, :seed, :startedAt)").param("id", MARKER).param("seed", seed)
                    .param("startedAt", SqlTimes.timestamp(Instant.now())).update();
            return true;
        } catch (DuplicateKeyException alreadyThere) {
            return false;
        }
    }

    /** Writes the history (in the calling thread) and records how it went on the marker row. */
    DemoHistoryGenerator.Summary generate(int port) {
        log.info("Demo history: writing about twelve months of demo history through the API (seed {}); the dashboard fills as it goes", seed);
        DemoHistoryGenerator.Summary summary;
        try (DemoClock clock = new DemoClock(engine, environment.getProperty("camunda.bpm.job-execution.enabled", Boolean.class, true))) {
            summary = new DemoHistoryGenerator(new DemoApi(port), clock, opportunities, seed, EngineClock.now()).generate(scale);
        }
        String outcome = summary.steps() + " steps (" + summary.failedSteps() + " refused), " + summary.jobsRun() + " jobs run ("
                + summary.jobsFailed() + " failed), " + summary.took().toSeconds() + " s";
        jdbc.sql("update demo_history set finished_at = :finishedAt, outcome = :outcome where id = :id").param("finishedAt",
                SqlTimes.timestamp(Instant.now())).param("outcome", outcome).param("id", MARKER).update();
        log.info("Demo history: ready, {}", outcome);
        return summary;
    }

    /** What the marker row says: empty before the history was claimed. */
    Optional<String> outcome() {
        return jdbc.sql("select coalesce(outcome, 'running') from demo_history where id = :id").param("id", MARKER).query(String.class).optional();
    }
}
