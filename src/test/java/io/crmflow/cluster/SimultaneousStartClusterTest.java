package io.crmflow.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of a new cluster started at the same moment on an empty database (two hosts booting together): both come
 * up, and what the first start creates exists once — Camunda's and crmflow's schemas, the groups and their
 * authorizations, Tasklist's filters, the demo users, the first rule-set version.
 */
class SimultaneousStartClusterTest {

    @TempDir
    Path work;

    @Test
    void twoNodesStartedAtOnceOnAnEmptyDatabaseBothComeUpAndSetUpEverythingOnce() throws Exception {
        Path rules = ShortTimerRules.copyTo(work.resolve("rules"));
        try (ScratchDatabase database = ScratchDatabase.create(TwoNodeClusterTest.MAIN_SERVER)) {
            CompletableFuture<CrmflowNode> first = CompletableFuture.supplyAsync(() -> CrmflowNode.start("twin-a", database.jdbcUrl(), rules, List.of()));
            CompletableFuture<CrmflowNode> second = CompletableFuture.supplyAsync(() -> CrmflowNode.start("twin-b", database.jdbcUrl(), rules, List.of()));
            try (CrmflowNode a = first.join(); CrmflowNode b = second.join()) {
                assertThat(a.status("/actuator/health/readiness")).isEqualTo(200);
                assertThat(b.status("/actuator/health/readiness")).isEqualTo(200);
                JdbcClient jdbc = database.jdbc();
                assertThat(count(jdbc, "select count(*) from rule_set_version")).as("rule-set versions").isEqualTo(1);
                assertThat(count(jdbc, "select count(*) from rule_set_version where status = 'ACTIVE'")).isEqualTo(1);
                assertThat(count(jdbc, "select count(*) - count(distinct name_) from act_ru_filter")).as("duplicate filters").isZero();
                assertThat(count(jdbc, "select count(*) from act_ru_filter")).isPositive();
                assertThat(count(jdbc, "select count(*) from act_id_group")).isPositive();
                assertThat(count(jdbc, "select count(*) from act_id_user")).isPositive();
                assertThat(count(jdbc, "select count(*) from act_ge_property where name_ = 'schema.version'")).isEqualTo(1);
                assertThat(count(jdbc, "select count(*) from (select type_, group_id_, user_id_, resource_type_, resource_id_ from act_ru_authorization "
                        + "group by type_, group_id_, user_id_, resource_type_, resource_id_ having count(*) > 1) twice")).as("duplicate authorizations").isZero();
            }
        }
    }

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
