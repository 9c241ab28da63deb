package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL stops for 10 s under load (a throw-away cluster of the test's own, never the machine's main one). Callers get
 * 503 problem documents with Retry-After instead of errors or hanging requests, health says DOWN, the node recovers on
 * its own when the database is back, and the timers that came due during the outage fire afterwards, once.
 */
class DatabaseOutageClusterTest {

    private static final Duration OUTAGE = Duration.ofSeconds(10);
    /** Tickets posted during this lead-in have SLA timers due 13.5 s and 18 s later: some inside the outage. */
    private static final Duration BEFORE_OUTAGE = Duration.ofSeconds(15);
    private static final Duration AFTER_RECOVERY = Duration.ofSeconds(5);
    private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=10000";

    @TempDir
    Path work;

    @Test
    void callersGet503DuringADatabaseOutageAndEverythingResumesWithoutARestart() throws Exception {
        Path rules = ShortTimerRules.copyTo(work.resolve("rules"));
        try (ThrowawayPostgres postgres = ThrowawayPostgres.create();
             ImRobot robot = new ImRobot();
             ScratchDatabase database = ScratchDatabase.create(postgres.server());
             CrmflowNode node = CrmflowNode.start("node-outage", database.jdbcUrl(), rules,
                     TwoNodeClusterTest.nodeArguments(robot, LOCK_TIME))) {
            JdbcClient jdbc = database.jdbc();
            Workload.addReps(jdbc);
            long customer = Workload.anyCustomer(jdbc);
            List<CrmflowNode> nodes = List.of(node);
            ApiLoad leads = new ApiLoad(nodes, 3, Integer.MAX_VALUE, Duration.ofMillis(100), true, index -> Workload.lead("outage", index));
            ApiLoad tickets = new ApiLoad(nodes, 1, Integer.MAX_VALUE, Duration.ofMillis(500), false,
                    index -> Workload.ticket("outage", customer, index));
            CrmflowNode.sleep(BEFORE_OUTAGE);

            postgres.stop();
            long stoppedAt = System.currentTimeMillis();
            List<Integer> healthDuringOutage = new ArrayList<>();
            List<Integer> livenessDuringOutage = new ArrayList<>();
            while (System.currentTimeMillis() - stoppedAt < OUTAGE.toMillis()) {
                healthDuringOutage.add(node.status("/actuator/health"));
                livenessDuringOutage.add(node.status("/actuator/health/liveness"));
                CrmflowNode.sleep(Duration.ofSeconds(1));
            }
            long restartingAt = System.currentTimeMillis();
            postgres.start();
            long restartedAt = System.currentTimeMillis();

            boolean recovered = ClusterState.await(Duration.ofMinutes(2), () -> leads.attempts().stream()
                    .anyMatch(attempt -> attempt.startedAtMillis() >= restartedAt && attempt.status() == 201));
            long recoveredAt = leads.attempts().stream().filter(attempt -> attempt.startedAtMillis() >= restartedAt && attempt.status() == 201)
                    .mapToLong(attempt -> attempt.startedAtMillis() + attempt.tookMillis()).min().orElse(-1);
            CrmflowNode.sleep(AFTER_RECOVERY);
            leads.stop();
            tickets.stop();
            leads.await(Duration.ofMinutes(2)).close();
            tickets.await(Duration.ofMinutes(2)).close();
            boolean healthy = ClusterState.await(Duration.ofMinutes(1), () -> node.status("/actuator/health") == 200);

            ClusterState state = new ClusterState(jdbc);
            boolean settled = ClusterState.await(Duration.ofMinutes(3), () -> state.leadsSettled() && state.ticketsSettled());

            List<ApiLoad.Attempt> attempts = new ArrayList<>(leads.attempts());
            attempts.addAll(tickets.attempts());
            Map<Integer, Long> statuses = attempts.stream().collect(Collectors.groupingBy(ApiLoad.Attempt::status, Collectors.counting()));
            List<ApiLoad.Attempt> refused = attempts.stream().filter(attempt -> attempt.status() == 503).toList();

            // Every request got an answer (none hung until the client's 30 s timeout), and only these answers.
            assertThat(statuses).containsKeys(201, 503).allSatisfy((status, count) -> assertThat(status).isIn(200, 201, 503));
            assertThat(refused).allSatisfy(attempt -> {
                assertThat(attempt.contentType()).startsWith("application/problem+json");
                assertThat(attempt.retryAfter()).isNotBlank();
            });
            assertThat(attempts).filteredOn(attempt -> attempt.startedAtMillis() >= stoppedAt
                            && attempt.startedAtMillis() + attempt.tookMillis() <= restartingAt)
                    .isNotEmpty().allSatisfy(attempt -> assertThat(attempt.status()).as("answer during the outage").isEqualTo(503));
            assertThat(healthDuringOutage).contains(503).doesNotContain(200);
            assertThat(livenessDuringOutage).containsOnly(200);
            assertThat(recovered).as("a lead was accepted again after the database came back").isTrue();
            assertThat(healthy).as("health UP again").isTrue();
            assertThat(node.alive()).isTrue();

            // Leads: every one the clients sent (again, after a 503) exists once, with its process in the settled state.
            assertThat(settled).as("all timers fired and all notifications sent within 3 minutes").isTrue();
            assertThat(leads.answers()).allSatisfy((externalId, answer) -> assertThat(answer.status()).as(externalId).isIn(200, 201));
            List<ClusterState.LeadState> leadStates = state.leads();
            assertThat(leadStates).extracting(ClusterState.LeadState::externalId).containsExactlyInAnyOrderElementsOf(leads.answers().keySet());
            assertThat(leadStates).allSatisfy(ClusterState::assertSettled);

            // Timers that came due while the database was away fired afterwards, each once.
            long dueDuringOutage = jdbc.sql("select count(*) from act_hi_job_log where job_state_ = 2 and job_duedate_ between ? and ?")
                    .params(new Timestamp(stoppedAt), new Timestamp(restartedAt)).query(Long.class).single();
            assertThat(dueDuringOutage).isPositive();
            List<ClusterState.JobRuns> timers = new ArrayList<>(state.timerRuns("service-ticket"));
            timers.addAll(state.timerRuns("lead-qualification"));
            assertThat(timers).allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isEqualTo(1));
            long created = tickets.answers().values().stream().filter(answer -> answer.status() == 201).count();
            assertThat(state.ticketEvents()).hasSize((int) created).allSatisfy((ticket, events) -> {
                assertThat(events.get("SLA_WARNING")).as("warnings of ticket %s", ticket).isEqualTo(2);
                assertThat(events.get("SLA_BREACHED")).as("breaches of ticket %s", ticket).isEqualTo(2);
            });
            assertThat(robot.messages()).hasSize((int) created * 2).doesNotHaveDuplicates();
            assertThat(state.incidents()).isZero();

            long[] refusedMillis = refused.stream().mapToLong(ApiLoad.Attempt::tookMillis).sorted().toArray();
            System.out.printf("outage: database stopped %d ms; %d requests (%s), %d answered 503 in p50 %d / max %d ms;"
                            + " first lead accepted %d ms after the database was back; %d timers due during the outage fired afterwards;"
                            + " %d leads, %d tickets, %d IM messages%n",
                    restartedAt - stoppedAt, attempts.size(), statuses, refused.size(), refusedMillis[refusedMillis.length / 2],
                    refusedMillis[refusedMillis.length - 1], recoveredAt - restartedAt, dueDuringOutage, leadStates.size(), created,
                    robot.messages().size());
        }
    }
}
