package io.crmflow.bench;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.crmflow.lead.LeadService;
import io.crmflow.lead.LeadSource;
import io.crmflow.lead.NewLead;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark only (bench/contact-timers.sh, profile {@code bench-contact-timers}; never active in tests or the product):
 * the contact deadline of {@code processes/lead-qualification.bpmn} firing for real, and beside it a bare timer of the
 * same shape ({@code bench/bench-contact-timer.bpmn}: the same user task, boundary timer, gateways and variables,
 * without crmflow's delegates).
 *
 * <p>Once the application is ready and the script has put in the sales team, it submits {@code count} leads through
 * {@link LeadService#submit} (scored, stored, assigned, a "Contact lead" task with its deadline timer each) with
 * {@code threads} threads, and starts {@code count} bare instances. Then, from {@code lead-seconds} on (time to move them
 * all: 20 000 updates), it moves the timers' due dates
 * ({@link ManagementService#setJobDuedate}) evenly into a window of {@code window-seconds}: the contact timers first,
 * the bare ones {@code gap-seconds} after that window ends, so that the two do not compete. Firing the contact timer
 * runs the product's real path: reclaim (lead row, audit event), re-assignment by the rules (decision, audit event), a
 * new "Contact lead" task for another rep with its own deadline. The script reads the lateness from ACT_HI_JOB_LOG.
 */
@Component
@Profile("bench-contact-timers")
class ContactTimerBench {

    static final String BARE_KEY = "bench-contact-timer";
    static final String TIMER_ACTIVITY = "Timer_ContactDeadline";
    private static final Logger log = LoggerFactory.getLogger(ContactTimerBench.class);
    private static final int REPS = 96;
    private static final int BATCH = 500;

    private final LeadService leads;
    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int count;
    private final int threads;
    private final int leadSeconds;
    private final int windowSeconds;
    private final int gapSeconds;
    private final List<String> kinds;

    ContactTimerBench(LeadService leads, RepositoryService repository, RuntimeService runtime, ManagementService management,
                      JdbcClient jdbc, PlatformTransactionManager transactionManager,
                      @Value("${crmflow.bench.contact-timers.count:20000}") int count,
                      @Value("${crmflow.bench.contact-timers.threads:2}") int threads,
                      @Value("${crmflow.bench.contact-timers.lead-seconds:60}") int leadSeconds,
                      @Value("${crmflow.bench.contact-timers.window-seconds:120}") int windowSeconds,
                      @Value("${crmflow.bench.contact-timers.gap-seconds:60}") int gapSeconds,
                      @Value("${crmflow.bench.contact-timers.kinds:contact,bare}") List<String> kinds) {
        this.leads = leads;
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.count = count;
        this.threads = threads;
        this.leadSeconds = leadSeconds;
        this.windowSeconds = windowSeconds;
        this.gapSeconds = gapSeconds;
        this.kinds = kinds;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        repository.createDeployment().name(BARE_KEY).addClasspathResource("bench/" + BARE_KEY + ".bpmn").deploy();
        Thread creator = new Thread(this::run, "bench-contact-timers");
        creator.setDaemon(true);
        creator.start();
    }

    private void run() {
        try {
            awaitSalesTeam();
            long started = System.nanoTime();
            if (kinds.contains("contact")) {
                submitLeads();
                log.info("bench-contact-timers: created {} leads in {} s", count, (System.nanoTime() - started) / 1_000_000_000.0);
            }
            if (kinds.contains("bare")) {
                startBare();
            }
            Instant first = Instant.now().plusSeconds(leadSeconds);
            for (String kind : kinds) {
                String key = kind.equals("contact") ? LeadService.PROCESS_KEY : BARE_KEY;
                moveIntoWindow(kind, key, first);
                first = first.plusSeconds(windowSeconds + gapSeconds);
            }
            log.info("bench-contact-timers: ready");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** bench/lib/app.sh's bench_sales_team runs once the application answers; before that every lead would go to the pool. */
    private void awaitSalesTeam() throws InterruptedException {
        while (jdbc.sql("select count(*) from sales_rep").query(Integer.class).single() < REPS) {
            Thread.sleep(200);
        }
    }

    private void submitLeads() throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                    leads.submit(lead(n), "bench");
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.HOURS);
    }

    /** Grades A–C only (visits and dwell of an engaged lead): a grade-D lead is nurtured and never gets a contact task. */
    private static NewLead lead(int n) {
        String tag = "ct" + n;
        return new NewLead(tag, "计时 " + tag, "Timer Co " + tag, tag + "@timers.example", "+86 2" + String.format("%09d", n),
                LeadSource.values()[n % LeadSource.values().length], Region.values()[n / 2 % Region.values().length],
                Industry.values()[n / 3 % Industry.values().length], ProductLine.values()[n / 5 % ProductLine.values().length],
                12, 700);
    }

    private void startBare() {
        Date farAway = Date.from(Instant.now().plusSeconds(30L * 24 * 3600));
        for (int from = 0; from < count; from += BATCH) {
            int start = from;
            transactions.executeWithoutResult(status -> {
                for (int n = start; n < Math.min(count, start + BATCH); n++) {
                    Map<String, Object> variables = new HashMap<>();
                    variables.put("company", "Timer Co bare" + n);
                    variables.put("owner", "bench" + (n % REPS + 1));
                    variables.put("nextOwner", "bench" + ((n + 1) % REPS + 1));
                    variables.put("previousOwners", "");
                    variables.put("reclaimCount", 0);
                    variables.put("followUpDue", farAway);
                    variables.put("nextDue", farAway);
                    runtime.startProcessInstanceByKey(BARE_KEY, variables);
                }
            });
        }
    }

    /** Due dates evenly from {@code first} over the window, in the order the timers were made. */
    private void moveIntoWindow(String kind, String processKey, Instant first) {
        List<Job> jobs = new ArrayList<>(management.createJobQuery().processDefinitionKey(processKey).activityId(TIMER_ACTIVITY).list());
        jobs.sort((a, b) -> a.getCreateTime().compareTo(b.getCreateTime()));
        long windowMillis = windowSeconds * 1000L;
        log.info("bench-contact-timers: {} window {} .. {}, {} timers", kind, first, first.plusMillis(windowMillis), jobs.size());
        for (int from = 0; from < jobs.size(); from += BATCH) {
            int start = from;
            transactions.executeWithoutResult(status -> {
                for (int i = start; i < Math.min(jobs.size(), start + BATCH); i++) {
                    management.setJobDuedate(jobs.get(i).getId(), Date.from(first.plusMillis(windowMillis * i / jobs.size())));
                }
            });
        }
        if (Instant.now().isAfter(first)) {
            log.warn("bench-contact-timers: moving the {} timers took until after their window opened ({})", kind, first);
        }
    }
}
