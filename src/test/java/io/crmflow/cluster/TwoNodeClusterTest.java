package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL database form a cluster (docs/product.md §11): 500 leads and 60 P1 tickets posted alternately to
 * both, agents answering each ticket just as its first-response warning comes due; every contact-deadline timer and SLA
 * timer fires at most once across the cluster (exactly once unless a reply ended its clock first), every SLA warning
 * reaches the IM robot exactly once, and no caller sees a conflict or an error.
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
                ExecutorService agents = Executors.newFixedThreadPool(3);
                List<Future<ApiLoad.Attempt>> replies = replyWhenTheWarningComesDue(database.jdbc(), tickets, nodes, agents);
                leads.await(Duration.ofMinutes(5)).close();
                tickets.await(Duration.ofMinutes(5)).close();
                List<ApiLoad.Attempt> replied = new ArrayList<>();
                for (Future<ApiLoad.Attempt> reply : replies) {
                    replied.add(reply.get(2, TimeUnit.MINUTES));
                }
                agents.shutdown();
                long postingMillis = (System.nanoTime() - started) / 1_000_000;

                ClusterState state = new ClusterState(database.jdbc());
                boolean settled = ClusterState.await(Duration.ofMinutes(4), () -> state.leadsSettled() && state.ticketsSettled());
                long settledMillis = (System.nanoTime() - started) / 1_000_000;

                // Every caller got its answer at the first try: no 409 from a timer on the other node, no 5xx.
                assertThat(statuses(leads)).containsOnlyKeys(201).containsEntry(201, (long) LEADS);
                assertThat(statuses(tickets)).containsOnlyKeys(201).containsEntry(201, (long) TICKETS);
                assertThat(replied).hasSize(TICKETS).allSatisfy(reply -> assertThat(reply.status()).as(reply.key()).isEqualTo(200));
                assertThat(settled).as("all timers fired and all notifications sent within 4 minutes").isTrue();

                List<ClusterState.LeadState> leadStates = state.leads();
                assertThat(leadStates).hasSize(LEADS).allSatisfy(ClusterState::assertSettled);
                List<ClusterState.JobRuns> leadTimers = state.timerRuns("lead-qualification");
                assertThat(leadTimers).hasSize(LEADS * ShortTimerRules.RECLAIMS_PER_LEAD)
                        .allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isEqualTo(1));
                Map<String, Long> leadTimersByNode = byNode(leadTimers);
                assertThat(leadTimersByNode).containsOnlyKeys("node-a", "node-b");

                // The resolution clock always warns and breaches; the first-response clock only if its timer beat the reply.
                Map<Long, Map<String, Long>> ticketEvents = state.ticketEvents();
                assertThat(ticketEvents).hasSize(TICKETS).allSatisfy((ticket, events) -> {
                    assertThat(events.get("SLA_WARNING")).as("warnings of ticket %s", ticket).isBetween(1L, 2L);
                    assertThat(events.get("SLA_BREACHED")).as("breaches of ticket %s", ticket).isBetween(1L, 2L);
                });
                long warnings = ticketEvents.values().stream().mapToLong(events -> events.get("SLA_WARNING")).sum();
                long breaches = ticketEvents.values().stream().mapToLong(events -> events.get("SLA_BREACHED")).sum();
                List<ClusterState.JobRuns> ticketTimers = state.timerRuns("service-ticket");
                // A first-response breach timer only exists once its warning fired.
                assertThat(ticketTimers).hasSizeLessThanOrEqualTo(TICKETS * 4)
                        .allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isBetween(0, 1));
                assertThat(ticketTimers.stream().mapToInt(ClusterState.JobRuns::successes).sum()).isEqualTo(warnings + breaches);

                // One IM message per warning, counted where they arrive.
                Map<String, Long> warningsReceived = robot.messages().stream().map(TwoNodeClusterTest::warningKey)
                        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
                assertThat(warningsReceived).hasSize((int) warnings).allSatisfy((warning, times) -> assertThat(times).as(warning).isEqualTo(1));
                assertThat(state.outboxByStatus()).containsOnlyKeys("SENT").containsEntry("SENT", warnings);
                assertThat(state.incidents()).isZero();

                System.out.printf("cluster: %d leads + %d tickets (+ %d replies) posted to 2 nodes in %d ms, settled after %d ms;"
                                + " lead timers by node %s, ticket timers by node %s (%d fired, %d ended by a reply), IM messages %d;"
                                + " lead POST p50/p99/max %s ms%n",
                        LEADS, TICKETS, replied.size(), postingMillis, settledMillis, leadTimersByNode,
                        byNode(ticketTimers.stream().filter(job -> job.successes() == 1).toList()), warnings + breaches,
                        ticketTimers.size() - warnings - breaches, robot.messages().size(), percentiles(leads));
            }
        }
    }

    /**
     * An agent answers each ticket on the node that did not take it, when its first-response warning comes due: the
     * reply and that timer (run by either node) change the same process instance at about the same moment.
     */
    private static List<Future<ApiLoad.Attempt>> replyWhenTheWarningComesDue(JdbcClient jdbc, ApiLoad tickets, List<CrmflowNode> nodes,
                                                                          ExecutorService agents) {
        List<Future<ApiLoad.Attempt>> replies = new ArrayList<>();
        Set<Long> answered = new HashSet<>();
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (answered.size() < TICKETS && System.nanoTime() < deadline) {
            Timestamp warningDueFor = new Timestamp(System.currentTimeMillis() - ShortTimerRules.SLA_WARNING_MILLIS);
            for (long ticket : jdbc.sql("select id from ticket where created_at <= ? order by id").param(warningDueFor).query(Long.class).list()) {
                if (answered.add(ticket)) {
                    replies.add(agents.submit(() -> tickets.send(nodes.get((int) (ticket % nodes.size())), Workload.reply(ticket))));
                }
            }
            CrmflowNode.sleep(Duration.ofMillis(100));
        }
        return replies;
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
