package io.crmflow.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark only (bench/timers.sh, profile {@code bench-timers}; never active in tests or the product): once the
 * application is ready, starts {@code count} instances of a one-timer process ({@code bench-timer}: start → timer
 * catch event at {@code ${due}} → end) whose due dates are spread evenly from {@code first-due-seconds} to
 * {@code first-due-seconds + spread-seconds} after start-up, in transactions of {@code batch} instances. The script
 * reads the lateness (job log's success time minus the job's due date) from ACT_HI_JOB_LOG.
 */
@Component
@Profile("bench-timers")
class TimerLatenessBench {

    static final String PROCESS_KEY = "bench-timer";
    private static final Logger log = LoggerFactory.getLogger(TimerLatenessBench.class);

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final TransactionTemplate transactions;
    private final int count;
    private final int firstDueSeconds;
    private final int spreadSeconds;
    private final int batch;

    TimerLatenessBench(RepositoryService repository, RuntimeService runtime, PlatformTransactionManager transactionManager,
                       @Value("${crmflow.bench.timers.count:100000}") int count,
                       @Value("${crmflow.bench.timers.first-due-seconds:90}") int firstDueSeconds,
                       @Value("${crmflow.bench.timers.spread-seconds:240}") int spreadSeconds,
                       @Value("${crmflow.bench.timers.batch:500}") int batch) {
        this.repository = repository;
        this.runtime = runtime;
        this.transactions = new TransactionTemplate(transactionManager);
        this.count = count;
        this.firstDueSeconds = firstDueSeconds;
        this.spreadSeconds = spreadSeconds;
        this.batch = batch;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
                .startEvent().intermediateCatchEvent("BenchTimer").timerWithDate("${due}").endEvent().done();
        repository.createDeployment().name(PROCESS_KEY).addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
        Thread creator = new Thread(this::createTimers, "bench-timer-creator");
        creator.setDaemon(true);
        creator.start();
    }

    private void createTimers() {
        Instant started = Instant.now();
        Instant first = started.plusSeconds(firstDueSeconds);
        long spreadMillis = spreadSeconds * 1000L;
        log.info("bench-timers: creating {} timers due {} .. {}", count, first, first.plusMillis(spreadMillis));
        for (int from = 0; from < count; from += batch) {
            int start = from;
            int end = Math.min(count, from + batch);
            transactions.executeWithoutResult(status -> {
                for (int i = start; i < end; i++) {
                    Date due = Date.from(first.plusMillis(spreadMillis * i / count));
                    runtime.startProcessInstanceByKey(PROCESS_KEY, Map.of("due", due));
                }
            });
            Instant lastDue = first.plusMillis(spreadMillis * (end - 1) / count);
            if (Instant.now().isAfter(lastDue)) {
                log.warn("bench-timers: creation is behind: timer {} was due at {} before it was created", end - 1, lastDue);
            }
        }
        log.info("bench-timers: created {} timers in {} s", count, Duration.between(started, Instant.now()).toMillis() / 1000.0);
    }
}
