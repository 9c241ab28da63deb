package io.crmflow.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.persistence.SqlTimes;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The living demo on a database of its own (H2 in memory, not the suite's shared one): the application starts with
 * {@code crmflow.demo.history=true}, writes the history in the background once it is ready, and then the dashboard's
 * numbers show docs/product.md §7's funnel, the lead sources, SLA outcomes and overdue installments, all made by the
 * processes and decisions (their history and the audit log are there), over about a year. A second claim finds the marker.
 * A quarter of the default demo (250 opportunities, same conversions) keeps the test to minutes; the default's 1000 are
 * measured by {@code bench/startup.sh} (BENCHMARKS.md).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:crmflow-demo-history;DB_CLOSE_DELAY=-1", "crmflow.demo.history=true",
                "crmflow.demo.history-opportunities=250",
                // Camunda keeps its engines in a static registry by name: under the default name this context's engine would
                // replace the shared test context's one for /engine-rest and the webapps of every later test class.
                "camunda.bpm.process-engine-name=demo-history"})
@ActiveProfiles("test")
// Closed afterwards: a second application with its own engine and database is not kept for other test classes.
@DirtiesContext
class DemoHistoryTest {

    private static final Duration LONGEST_RUN = Duration.ofMinutes(40);

    @Autowired
    TestRestTemplate http;

    @Autowired
    DemoHistory demoHistory;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    HistoryService engineHistory;

    @Test
    void aNewDemoDatabaseGetsAYearOfHistoryThroughTheProcesses() throws InterruptedException {
        Instant giveUp = Instant.now().plus(LONGEST_RUN);
        while (demoHistory.outcome().orElse("running").equals("running") && Instant.now().isBefore(giveUp)) {
            Thread.sleep(2_000);
        }
        String outcome = demoHistory.outcome().orElseThrow();
        assertThat(outcome).as("the background run ended").isNotEqualTo("running").contains("(0 refused)");

        JsonNode funnel = as("admin").getForObject("/api/analytics/funnel", JsonNode.class);
        List<Long> entered = new ArrayList<>();
        List<String> conversion = new ArrayList<>();
        funnel.get("stages").forEach(stage -> {
            entered.add(stage.get("entered").asLong());
            conversion.add(stage.path("conversionPercent").asText());
        });
        assertThat(entered).as("docs/product.md §7").containsExactly(250L, 50L, 20L, 10L, 6L);
        assertThat(conversion.subList(0, 4)).containsExactly("20.0", "40.0", "50.0", "60.0");
        assertThat(funnel.get("lossReasons").findValuesAsText("reason")).contains("PRICE", "COMPETITOR", "NO_BUDGET", "NO_DECISION");

        JsonNode sources = as("admin").getForObject("/api/analytics/lead-sources", JsonNode.class);
        assertThat(sources.findValuesAsText("source")).as("leads of every source")
                .contains("REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER");
        assertThat(sources.findValues("won").stream().mapToLong(JsonNode::asLong).sum()).as("won opportunities that began as leads").isPositive();
        assertThat(jdbc.sql("select distinct grade from leads where grade is not null").query(String.class).list())
                .as("leads of every grade").contains("A", "B", "C", "D");

        JsonNode sla = as("admin").getForObject("/api/analytics/sla", JsonNode.class);
        assertThat(sla.findValues("firstResponseMet").stream().mapToLong(JsonNode::asLong).sum()).as("SLAs met").isPositive();
        assertThat(sla.findValues("breachedTickets").stream().mapToLong(JsonNode::asLong).sum()).as("SLAs breached").isPositive();

        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertThat(jdbc.sql("select count(*) from installment where paid < amount and due_date < :today").param("today", today)
                .query(Long.class).single()).as("overdue installments").isPositive();
        assertThat(jdbc.sql("select count(*) from installment where paid = amount").query(Long.class).single()).as("paid ones").isPositive();
        assertThat(as("admin").getForObject("/api/kb/articles", JsonNode.class).size()).as("knowledge base").isPositive();

        assertThat(count("lead_decision")).as("every lead scored by the rules").isGreaterThanOrEqualTo(105);
        assertThat(count("audit_log")).as("the audit log of every change").isGreaterThan(500);
        assertThat(engineHistory.createHistoricProcessInstanceQuery().processDefinitionKey("opportunity").count()).isEqualTo(250);
        assertThat(engineHistory.createHistoricProcessInstanceQuery().processDefinitionKey("contract-approval").completed().count())
                .as("6 contracts approved through their process").isGreaterThanOrEqualTo(6);
        Instant firstLead = jdbc.sql("select min(created_at) as first_lead from leads").query((row, number) -> SqlTimes.instant(row, "first_lead")).single();
        assertThat(firstLead).as("about a year of history").isBefore(Instant.now().minus(Duration.ofDays(300)));

        assertThat(demoHistory.claim()).as("once per database").isFalse();
    }

    private TestRestTemplate as(String user) {
        return http.withBasicAuth(user, user);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
