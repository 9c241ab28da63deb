package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import io.crmflow.lead.LeadKeys;
import io.crmflow.persistence.SqlTimes;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * Customers' RFM scores and the daily churn check of {@code processes/customer-churn.bpmn}: an A customer without an
 * order for 90 days gets a warning and its owner a task, once per 90 days; B and C customers and recent buyers do not.
 */
class CustomerChurnProcessTest extends ProcessIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void aCustomersWithoutAnOrderFor90DaysGetOneWarningAndTheirOwnerATaskOncePer90Days() {
        String prefix = unique("流失");
        long lapsed = customer(prefix + " 仁济", "A", "alice", 400);
        long neverOrdered = customer(prefix + " 华山", "A", "alice", 120);
        long recent = customer(prefix + " 瑞金", "A", "alice", 400);
        long tierB = customer(prefix + " 康宁", "B", "alice", 400);
        long southern = customer(prefix + " 深圳", "A", "chen", 400);
        // The recent order names the company with its legal form: it is the customer's order all the same (linked by folded
        // name when imported, counted by customer id), so the customer is not at risk.
        importOrders(prefix, List.of(order(prefix + " 仁济", 100), order(prefix + " 瑞金有限公司", 30), order(prefix + " 康宁", 200),
                order(prefix + " 深圳", 95)));

        runDailyCheck();

        assertThat(warnedCustomers()).contains(lapsed, neverOrdered, southern).doesNotContain(recent, tierB);
        List<Task> alicesTasks = retentionTasks(prefix, "alice");
        assertThat(alicesTasks).hasSize(2).extracting(Task::getName)
                .allMatch(name -> name.startsWith("客户流失预警 Customer at risk: " + prefix) && name.contains("(A, 90+ 天无订单"));
        assertThat(retentionTasks(prefix, "chen")).hasSize(1);
        java.util.Map<String, Object> form = processEngine.getTaskService().getVariables(alicesTasks.get(0).getId());
        assertThat(form).containsKeys("customer", "lastOrder", "ordersSoFar");
        assertThat(((Number) form.get("customerId")).longValue()).as("the form links to the customer page").isIn(lapsed, neverOrdered);

        runDailyCheck();
        assertThat(retentionTasks(prefix, "alice")).as("the next day: no second warning").hasSize(2);

        processEngine.getIdentityService().setAuthenticatedUserId("alice");
        try {
            processEngine.getTaskService().complete(alicesTasks.get(0).getId(), java.util.Map.of("retentionNote", "拜访了设备科，下季度有采购计划"));
        } finally {
            processEngine.getIdentityService().clearAuthentication();
        }
        JsonNode open = as("alice").getForObject("/api/analytics/customers/churn?open=true", JsonNode.class);
        assertThat(open.findValuesAsText("customer")).filteredOn(name -> name.startsWith(prefix)).hasSize(1);
        assertThat(as("alice").getForObject("/api/analytics/customers/churn", JsonNode.class).findValuesAsText("handledNote"))
                .contains("拜访了设备科，下季度有采购计划");
        assertThat(as("noah").getForObject("/api/analytics/customers/churn", JsonNode.class).findValuesAsText("customer"))
                .as("alice's and chen's customers are not in noah's regions").noneMatch(name -> name.startsWith(prefix));
        assertThat(as("mia").getForObject("/api/analytics/customers/churn", JsonNode.class).findValuesAsText("customer"))
                .filteredOn(name -> name.startsWith(prefix)).hasSize(3);

        ClockUtil.setCurrentTime(Date.from(Instant.now().plus(Duration.ofDays(91))));
        runDailyCheck();
        // 91 days on: the two still without an order are warned again, and the one that ordered 30 days ago is now lapsed too;
        // one of the first two tasks is still open.
        assertThat(retentionTasks(prefix, "alice")).hasSize(4);
        assertThat(warnedCustomers()).filteredOn(id -> id == lapsed).hasSize(2);
        assertThat(warnedCustomers()).contains(recent).doesNotContain(tierB);
    }

    @Test
    void rfmScoresCustomersInQuintilesAmongThoseInScope() {
        String owner = "rfm-" + unique("o").substring(2);
        String prefix = unique("RFM");
        for (int i = 1; i <= 5; i++) {
            customer(prefix + " " + i, "B", owner, 500);
        }
        StringBuilder orders = new StringBuilder();
        for (int i = 1; i <= 5; i++) {
            for (int n = 0; n < i; n++) {
                orders.append(order(prefix + " " + i, 300 - 50 * i + n, 1000 * i));
            }
        }
        importOrders(prefix, List.of(orders.toString()));

        JsonNode rfm = as("admin").getForObject("/api/analytics/customers/rfm?owner=" + owner, JsonNode.class);

        assertThat(rfm.findValuesAsText("name")).containsExactly(prefix + " 5", prefix + " 4", prefix + " 3", prefix + " 2", prefix + " 1");
        assertThat(rfm.get(0).get("recencyScore").asInt()).isEqualTo(5);
        assertThat(rfm.get(0).get("frequencyScore").asInt()).isEqualTo(5);
        assertThat(rfm.get(0).get("monetaryScore").asInt()).isEqualTo(5);
        assertThat(rfm.get(0).get("orders").asLong()).isEqualTo(5);
        assertThat(rfm.get(0).get("monetary").decimalValue()).isEqualByComparingTo(new BigDecimal("25000"));
        assertThat(rfm.get(4).get("score").asInt()).isEqualTo(3);
        assertThat(rfm.get(4).get("daysSinceLastOrder").asLong()).isBetween(249L, 251L);
        assertThat(as("alice").getForEntity("/api/analytics/customers/rfm?owner=" + owner, JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    private long customer(String name, String tier, String owner, int createdDaysAgo) {
        jdbc.sql("insert into customer (name, name_key, tier, account_owner, created_at) values (?, ?, ?, ?, ?)")
                .params(name, LeadKeys.company(name), tier, owner, SqlTimes.timestamp(Instant.now().minus(Duration.ofDays(createdDaysAgo)))).update();
        return jdbc.sql("select id from customer where name = ?").param(name).query(Long.class).single();
    }

    private static String order(String company, int daysAgo) {
        return order(company, daysAgo, 10000);
    }

    /** A won opportunity of {@code company}, its stages a week apart, closed {@code daysAgo}. */
    private static String order(String company, int daysAgo, int amount) {
        LocalDate closed = LocalDate.now(SHANGHAI).minusDays(daysAgo);
        return String.join(",", unique("order"), "订单 " + company, company, "hist-orders", "EAST", amount + ".00", "",
                closed.minusDays(28).toString(), closed.minusDays(21).toString(), closed.minusDays(14).toString(), closed.minusDays(7).toString(),
                closed.toString(), "WON", "") + "\n";
    }

    private void importOrders(String prefix, List<String> rows) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("text/csv; charset=UTF-8"));
        assertThat(as("admin").postForEntity("/api/import/opportunities", new HttpEntity<>(HistoryCsv.HEADER + String.join("", rows), headers),
                String.class).getStatusCode()).as(prefix).isEqualTo(HttpStatus.OK);
    }

    /** What the job executor does at 01:00 UTC: the timer start event's job. */
    private void runDailyCheck() {
        Job timer = processEngine.getManagementService().createJobQuery().processDefinitionKey(ChurnWatch.PROCESS_KEY).timers().singleResult();
        processEngine.getManagementService().executeJob(timer.getId());
    }

    private List<Long> warnedCustomers() {
        return jdbc.sql("select customer_id from churn_warning").query(Long.class).list();
    }

    private List<Task> retentionTasks(String prefix, String owner) {
        return processEngine.getTaskService().createTaskQuery().processDefinitionKey(ChurnWatch.PROCESS_KEY).taskAssignee(owner)
                .taskNameLike("%" + prefix + "%").list();
    }
}
