package io.crmflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.crmflow.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Migration V13 on a database of its own (H2, or PostgreSQL with {@code -Dcrmflow.test.database=postgres}): migrated to
 * V12, filled with opportunities whose approvals never reached their amount, then migrated to V13.
 */
class OpportunityAmountMigrationTest {

    private static final String PREFIX = "crmflow_migration_";
    private static final Instant MONDAY = Instant.parse("2025-03-03T02:00:00Z");

    private String url;
    private String postgresDatabase;
    private JdbcClient jdbc;

    @BeforeEach
    void databaseAtV12() {
        if (TestDatabase.postgres()) {
            TestDatabase.dropDatabasesOfEndedRuns(TestDatabase.SERVER + "postgres", PREFIX);
            postgresDatabase = PREFIX + ProcessHandle.current().pid() + "_" + System.currentTimeMillis();
            TestDatabase.execute(TestDatabase.SERVER + "postgres", "create database " + postgresDatabase);
            url = TestDatabase.SERVER + postgresDatabase;
        } else {
            url = "jdbc:h2:mem:migration-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        }
        migrateTo("12");
        DriverManagerDataSource dataSource = new DriverManagerDataSource();
        dataSource.setUrl(url);
        dataSource.setUsername(user());
        jdbc = JdbcClient.create(dataSource);
    }

    @AfterEach
    void dropDatabase() {
        if (postgresDatabase != null) {
            TestDatabase.execute(TestDatabase.SERVER + "postgres", "drop database if exists " + postgresDatabase + " with (force)");
        } else {
            jdbc.sql("shutdown").update();
        }
    }

    @Test
    void theApprovedContractElseTheLastApprovedQuoteSetsTheAmount() {
        long contracted = opportunity("NEGOTIATION", "100000.00", null);
        long firstQuote = quote(contracted, "APPROVED", "120000.00", MONDAY);
        quote(contracted, "APPROVED", "102000.00", MONDAY.plusSeconds(60));
        contract(contracted, firstQuote, "APPROVED", "120000.00");
        long paid = opportunity("WON", "100000.00", MONDAY.plusSeconds(3600));
        contract(paid, quote(paid, "APPROVED", "300000.00", MONDAY), "PAID", "300000.00");
        quote(paid, "APPROVED", "250000.00", MONDAY.plusSeconds(7200));
        long quoted = opportunity("PROPOSAL", "100000.00", null);
        quote(quoted, "APPROVED", "102000.00", MONDAY);
        quote(quoted, "REJECTED", "90000.00", MONDAY.plusSeconds(60));
        quote(quoted, "PENDING_APPROVAL", "80000.00", null);
        long noAmountYet = opportunity("PROPOSAL", null, null);
        quote(noAmountYet, "APPROVED", "76500.00", MONDAY);
        long alreadyRight = opportunity("PROPOSAL", "88000.00", null);
        quote(alreadyRight, "APPROVED", "88000.00", MONDAY);
        long lostBeforeTheQuote = opportunity("LOST", "100000.00", MONDAY);
        quote(lostBeforeTheQuote, "APPROVED", "60000.00", MONDAY.plusSeconds(60));
        long noQuote = opportunity("NEEDS_CONFIRMED", "100000.00", null);
        long contractInRevision = opportunity("NEGOTIATION", "80000.00", null);
        contract(contractInRevision, quote(contractInRevision, "APPROVED", "80000.00", MONDAY), "REVISION_NEEDED", "80000.00");
        quote(contractInRevision, "APPROVED", "75000.00", MONDAY.plusSeconds(60));

        migrateTo("13");

        assertThat(amountOf(contracted)).isEqualByComparingTo("120000.00");
        assertThat(amountOf(paid)).as("a quote approved after the contract").isEqualByComparingTo("300000.00");
        assertThat(amountOf(quoted)).isEqualByComparingTo("102000.00");
        assertThat(amountOf(noAmountYet)).isEqualByComparingTo("76500.00");
        assertThat(amountOf(alreadyRight)).isEqualByComparingTo("88000.00");
        assertThat(amountOf(lostBeforeTheQuote)).isEqualByComparingTo("100000.00");
        assertThat(amountOf(noQuote)).isEqualByComparingTo("100000.00");
        assertThat(amountOf(contractInRevision)).as("a contract not approved").isEqualByComparingTo("75000.00");
        assertThat(jdbc.sql("select entity_id || ': ' || coalesce(old_value, 'null') || ' → ' || new_value from audit_log "
                        + "where entity = 'opportunity' and field = 'amount' and actor = 'migration' order by id").query(String.class).list())
                .containsExactly(contracted + ": 100000.00 → 120000.00", paid + ": 100000.00 → 300000.00", quoted + ": 100000.00 → 102000.00",
                        noAmountYet + ": null → 76500.00", contractInRevision + ": 80000.00 → 75000.00");
        assertThat(events(contracted)).containsExactly(
                "AMOUNT_CHANGED migration: 金额 Amount 100000.00 → 120000.00 CNY: 合同 contract C-" + contractOf(contracted)
                        + " 已批准 approved (数据修正 corrected by migration V13)");
        assertThat(events(noAmountYet)).singleElement().asString().contains("金额 Amount — → 76500.00 CNY: 报价 quote Q-");
        assertThat(events(alreadyRight)).isEmpty();
        assertThat(events(lostBeforeTheQuote)).isEmpty();
    }

    private void migrateTo(String version) {
        Flyway.configure().dataSource(url, user(), "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + (TestDatabase.postgres() ? "postgresql" : "h2"))
                .target(version).load().migrate();
    }

    private static String user() {
        return TestDatabase.postgres() ? "postgres" : "sa";
    }

    /** An opportunity as V12 left it; {@code closedAt} for WON and LOST. */
    private long opportunity(String stage, String amount, Instant closedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into opportunity (name, owner_id, region, stage, win_probability, amount, stage_entered_at, last_activity_at, "
                        + "closed_at, created_at, updated_at) values (?, 'chen', 'SOUTH', ?, 50, ?, ?, ?, ?, ?, ?)")
                .params("迁移 " + stage, stage, amount == null ? null : new BigDecimal(amount), at(MONDAY), at(MONDAY), at(closedAt), at(MONDAY),
                        at(MONDAY))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private long quote(long opportunity, String status, String netTotal, Instant decidedAt) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into quote (opportunity_id, status, currency, discount_percent, effective_discount_percent, list_total, "
                        + "discount_amount, net_total, created_by, created_at, decided_at) values (?, ?, 'CNY', 0, 0, ?, 0, ?, 'chen', ?, ?)")
                .params(opportunity, status, new BigDecimal(netTotal), new BigDecimal(netTotal), at(MONDAY), at(decidedAt))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private void contract(long opportunity, long quote, String status, String amount) {
        jdbc.sql("insert into contract (opportunity_id, quote_id, status, currency, amount, round, created_by, created_at, decided_at) "
                        + "values (?, ?, ?, 'CNY', ?, 1, 'chen', ?, ?)")
                .params(opportunity, quote, status, new BigDecimal(amount), at(MONDAY), at(MONDAY.plusSeconds(600)))
                .update();
    }

    private long contractOf(long opportunity) {
        return jdbc.sql("select id from contract where opportunity_id = ?").param(opportunity).query(Long.class).single();
    }

    private BigDecimal amountOf(long opportunity) {
        return jdbc.sql("select amount from opportunity where id = ?").param(opportunity).query(BigDecimal.class).single();
    }

    private List<String> events(long opportunity) {
        return jdbc.sql("select type || ' ' || actor || ': ' || detail from opportunity_event where opportunity_id = ? order by id")
                .param(opportunity).query(String.class).list();
    }

    private static Timestamp at(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
