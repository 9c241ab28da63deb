package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL database form a cluster (SPEC §11): 500 leads and 60 P1 tickets posted alternately to
 * both, every contact-deadline timer and SLA timer fires exactly once across the cluster, every SLA warning reaches the
 * IM robot exactly once, and no caller sees a conflict or an error.
 */
class TwoNodeClusterTest {

    static final String MAIN_SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final int LEADS = 500;
    private static final int TICKETS = 60;
    private static final Pattern WARNING = Pattern.compile("ticket #(\\d+) .*\\n(FIRST_RESPONSE|RESOLUTION) due", Pattern.DOTALL);

    @TempDir
    Path work;

    @Test
    void everyTimerFiresAndEveryNotificationIsSentOnceAcrossTwoNodes() throws Exception {
        Path rules = ShortTimerRules.copyTo(work.resolve("rules"));
        try (ImRobot robot = new ImRobot();
             ScratchDatabase database = ScratchDatabase.create(MAIN_SERVER);
             CrmflowNode a = CrmflowNode.start("node-a", database.jdbcUrl(), rules, nodeArguments(robot))) {
            Workload.addReps(database.jdbc());
            try (CrmflowNode b = CrmflowNode.start("node-b", database.jdbcUrl(), rules, nodeArguments(robot))) {
                List<CrmflowNode> nodes = List.of(a, b);
                long customer = Workload.anyCustomer(database.jdbc());
                ApiLoad leads = new ApiLoad(nodes, 6, LEADS, Duration.ZERO, true, index -> Workload.lead("cluster", index));
                ApiLoad tickets = new ApiLoad(nodes, 1, TICKETS, Duration.ZERO, false, index -> Workload.ticket("cluster", customer, index));
                long started = System.nanoTime();
                leads.await(Duration.ofMinutes(5)).close();
                tickets.await(Duration.ofMinutes(5)).close();
                long postingMillis = (System.nanoTime() - started) / 1_000_000;

                ClusterState state = new ClusterState(database.jdbc());
                boolean settled = ClusterState.await(Duration.ofMinutes(4), () -> state.leadsSettled() && state.ticketsSettled(2));
                long settledMillis = (System.nanoTime() - started) / 1_000_000;

                // Every caller got its record at the first try: no 409 from a timer of the other node, no 5xx.
                assertThat(statuses(leads)).containsOnlyKeys(201).containsEntry(201, (long) LEADS);
                assertThat(statuses(tickets)).containsOnlyKeys(201).containsEntry(201, (long) TICKETS);
                assertThat(settled).as("all timers fired and all notifications sent within 4 minutes").isTrue();

                List<ClusterState.LeadState> leadStates = state.leads();
                assertThat(leadStates).hasSize(LEADS).allSatisfy(lead -> {
                    assertThat(lead.status()).isEqualTo("IN_POOL");
                    assertThat(lead.assigned()).as("assignments of lead %s", lead.id()).isEqualTo(ShortTimerRules.RECLAIMS_PER_LEAD);
                    assertThat(lead.reclaimed()).as("reclaims of lead %s", lead.id()).isEqualTo(ShortTimerRules.RECLAIMS_PER_LEAD);
                    assertThat(lead.dispatchTasks()).as("dispatch tasks of lead %s", lead.id()).isEqualTo(1);
                    assertThat(lead.openJobs()).isZero();
                });
                List<ClusterState.JobRuns> leadTimers = state.timerRuns("lead-qualification");
                assertThat(leadTimers).hasSize(LEADS * ShortTimerRules.RECLAIMS_PER_LEAD)
                        .allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isEqualTo(1));
                Map<String, Long> leadTimersByNode = byNode(leadTimers);
                assertThat(leadTimersByNode).containsOnlyKeys("node-a", "node-b");

                Map<Long, Map<String, Long>> ticketEvents = state.ticketEvents();
                assertThat(ticketEvents).hasSize(TICKETS).allSatisfy((ticket, events) -> {
                    assertThat(events.get("SLA_WARNING")).as("warnings of ticket %s", ticket).isEqualTo(2);
                    assertThat(events.get("SLA_BREACHED")).as("breaches of ticket %s", ticket).isEqualTo(2);
                });
                List<ClusterState.JobRuns> ticketTimers = state.timerRuns("service-ticket");
                assertThat(ticketTimers).hasSize(TICKETS * 4)
                        .allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isEqualTo(1));

                // One IM message per ticket and clock, counted where they arrive.
                Map<String, Long> warningsReceived = robot.messages().stream().map(TwoNodeClusterTest::warningKey)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(warningsReceived).hasSize(TICKETS * 2).allSatisfy((warning, times) -> assertThat(times).as(warning).isEqualTo(1));
                assertThat(state.outboxByStatus()).containsOnlyKeys("SENT").containsEntry("SENT", (long) TICKETS * 2);
                assertThat(state.incidents()).isZero();

                System.out.printf("cluster: %d leads + %d tickets posted to 2 nodes in %d ms, settled after %d ms;"
                                + " lead timers by node %s, ticket timers by node %s, IM messages %d; lead POST p50/p99/max %s ms%n",
                        LEADS, TICKETS, postingMillis, settledMillis, leadTimersByNode, byNode(ticketTimers), robot.messages().size(),
                        percentiles(leads));
            }
        }
    }

    static List<String> nodeArguments(ImRobot robot, String... more) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("--crmflow.notify.im-webhook-url=" + robot.url()),
                java.util.Arrays.stream(more)).toList();
    }

    static Map<Integer, Long> statuses(ApiLoad load) {
        return load.attempts().stream().collect(Collectors.groupingBy(ApiLoad.Attempt::status, Collectors.counting()));
    }

    static Map<String, Long> byNode(List<ClusterState.JobRuns> runs) {
        return runs.stream().collect(Collectors.groupingBy(ClusterState.JobRuns::executedBy, java.util.TreeMap::new, Collectors.counting()));
    }

    static String percentiles(ApiLoad load) {
        long[] millis = load.attempts().stream().mapToLong(ApiLoad.Attempt::tookMillis).sorted().toArray();
        return millis[millis.length / 2] + "/" + millis[(int) (millis.length * 0.99)] + "/" + millis[millis.length - 1];
    }

    private static String warningKey(String message) {
        Matcher matcher = WARNING.matcher(message);
        return matcher.find() ? matcher.group(1) + ":" + matcher.group(2) : "unexpected: " + message;
    }
}
