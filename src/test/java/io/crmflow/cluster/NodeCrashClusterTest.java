package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code kill -9} of a node while leads are being posted to both: clients resend what got no answer (same externalId) to
 * the other node; the killed node is started again. Every lead exists once with its process, every process reaches the
 * same consistent state, and the jobs the dead node had locked are run by a living node once their lock expired.
 */
class NodeCrashClusterTest {

    private static final int LEADS = 200;
    private static final int KILL_AFTER_LEADS = 60;
    /** Short, so that the dead node's jobs are free again within the test; the product default is 5 minutes. */
    private static final String LOCK_TIME = "--camunda.bpm.job-execution.lock-time-in-millis=10000";

    @TempDir
    Path work;

    /** A job the dead node had locked when it died. */
    record OrphanedJob(String id, Timestamp lockExpires) {
    }

    @Test
    void leadsSurviveAKilledNodeAndItsLockedJobsRunAfterTheLockExpires() throws Exception {
        Path rules = ShortTimerRules.copyTo(work.resolve("rules"));
        try (ScratchDatabase database = ScratchDatabase.create(TwoNodeClusterTest.MAIN_SERVER)) {
            JdbcClient jdbc = database.jdbc();
            CrmflowNode a = CrmflowNode.start("node-a", database.jdbcUrl(), rules, List.of(LOCK_TIME));
            Workload.addReps(jdbc);
            try (a; CrmflowNode b = CrmflowNode.start("node-b", database.jdbcUrl(), rules, List.of(LOCK_TIME))) {
                List<CrmflowNode> nodes = new CopyOnWriteArrayList<>(List.of(a, b));
                ApiLoad leads = new ApiLoad(nodes, 4, LEADS, Duration.ZERO, true, index -> Workload.lead("crash", index));
                LockOwners owners = new LockOwners(jdbc);
                String ownerOfA;
                while (true) {
                    owners.observe();
                    Optional<String> known = owners.ownerOf("node-a");
                    if (known.isPresent() && leads.answers().size() >= KILL_AFTER_LEADS && owners.holding(known.get()) > 0) {
                        ownerOfA = known.get();
                        break;
                    }
                    assertThat(leads.answers().size()).as("node-a seen holding a job lock before the load ended").isLessThan(LEADS);
                    CrmflowNode.sleep(Duration.ofMillis(50));
                }
                a.kill();
                nodes.remove(a);
                List<OrphanedJob> orphans = jdbc.sql("select id_, lock_exp_time_ from act_ru_job where lock_owner_ = ?").param(ownerOfA)
                        .query((rs, row) -> new OrphanedJob(rs.getString(1), rs.getTimestamp(2))).list();
                int answeredBeforeKill = leads.answers().size();

                try (CrmflowNode restarted = CrmflowNode.start("node-a-restarted", database.jdbcUrl(), rules, List.of(LOCK_TIME))) {
                    nodes.add(restarted);
                    leads.await(Duration.ofMinutes(5)).close();
                    ClusterState state = new ClusterState(jdbc);
                    boolean settled = ClusterState.await(Duration.ofMinutes(3), state::leadsSettled);

                    Map<Integer, Long> statuses = TwoNodeClusterTest.statuses(leads);
                    // -1: the request was in flight to, or sent to, the dead node; the client sent it again elsewhere.
                    assertThat(statuses).containsKey(201).allSatisfy((status, count) -> assertThat(status).isIn(201, 200, -1));
                    assertThat(leads.answers()).hasSize(LEADS)
                            .allSatisfy((externalId, answer) -> assertThat(answer.status()).as(externalId).isIn(200, 201));
                    assertThat(settled).as("all leads reclaimed twice within 3 minutes").isTrue();

                    List<ClusterState.LeadState> leadStates = state.leads();
                    assertThat(leadStates).extracting(ClusterState.LeadState::externalId)
                            .containsExactlyInAnyOrderElementsOf(leads.answers().keySet());
                    assertThat(leadStates).allSatisfy(ClusterState::assertSettled);
                    List<ClusterState.JobRuns> timers = state.timerRuns("lead-qualification");
                    assertThat(timers).hasSize(LEADS * ShortTimerRules.RECLAIMS_PER_LEAD)
                            .allSatisfy(job -> assertThat(job.successes()).as("successful runs of timer job %s", job.jobId()).isEqualTo(1));

                    Map<String, ClusterState.JobRuns> runs = timers.stream().collect(Collectors.toMap(ClusterState.JobRuns::jobId, run -> run));
                    assertThat(orphans).as("jobs node-a held when it was killed").isNotEmpty().allSatisfy(orphan -> {
                        ClusterState.JobRuns run = runs.get(orphan.id());
                        assertThat(run.executedBy()).as("node that ran orphaned job %s", orphan.id()).isNotEqualTo("node-a");
                        assertThat(run.executedAt()).as("run of orphaned job %s", orphan.id()).isAfterOrEqualTo(orphan.lockExpires());
                    });
                    assertThat(state.incidents()).isZero();

                    System.out.printf("crash: %d leads; node-a killed (kill -9) after %d answers holding %d job locks, restarted;"
                                    + " attempts by status %s; orphaned jobs run by %s; timers by node %s%n",
                            LEADS, answeredBeforeKill, orphans.size(), statuses,
                            orphans.stream().map(orphan -> runs.get(orphan.id()).executedBy()).distinct().toList(),
                            TwoNodeClusterTest.byNode(timers));
                }
            }
        }
    }

    /**
     * Which job executor (lock owner, a random id per node) belongs to which node: a job is run by the node that locked
     * it, and the job log names that node.
     */
    private static final class LockOwners {

        private final JdbcClient jdbc;
        private final Map<String, String> ownerByJob = new ConcurrentHashMap<>();
        private final Map<String, String> ownerByNode = new ConcurrentHashMap<>();

        LockOwners(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        void observe() {
            jdbc.sql("select id_, lock_owner_ from act_ru_job where lock_owner_ is not null")
                    .query((rs, row) -> ownerByJob.put(rs.getString(1), rs.getString(2))).list();
            jdbc.sql("select job_id_, hostname_ from act_hi_job_log where job_state_ = 2").query((rs, row) -> {
                String owner = ownerByJob.get(rs.getString(1));
                return owner == null ? null : ownerByNode.put(rs.getString(2), owner);
            }).list();
        }

        Optional<String> ownerOf(String node) {
            return Optional.ofNullable(ownerByNode.get(node));
        }

        int holding(String owner) {
            return jdbc.sql("select count(*) from act_ru_job where lock_owner_ = ?").param(owner).query(Integer.class).single();
        }
    }
}
