package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Lead sources, pool sizes, SLA compliance and data quality (docs/product.md §7) on fixtures with known answers, and their row rules.
 * The other tests' records are kept out by a day of their own (the engine clock, which stamps every record) or by
 * counting what the fixture added.
 */
class OperationsAnalyticsTest extends ProcessIntegrationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Demo customer of tier B: CRITICAL → P1, HIGH → P2. */
    private static final String TIER_B = "杭州康宁大药房";

    @Test
    void leadSourcesCountLeadsOfThePeriodThenQualifiedThenWon() {
        clockAt("2019-05-14T10:00");  // a Tuesday no other test uses
        JsonNode referralWon = eastLead("REFERRAL");
        JsonNode referralOpen = eastLead("REFERRAL");
        JsonNode referralDisqualified = eastLead("REFERRAL");
        JsonNode websiteLost = eastLead("WEBSITE");
        JsonNode websiteDisqualified = eastLead("WEBSITE");
        JsonNode northDisqualified = lead("noah", "NORTH", "DEVICES", "HOSPITAL", "REFERRAL");

        markWon(qualify(referralWon));
        qualify(referralOpen);
        assertThat(as("mia").postForEntity("/api/opportunities/" + qualify(websiteLost) + "/stage",
                Map.of("stage", "LOST", "lossReason", "PRICE"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        disqualify(referralDisqualified);
        disqualify(websiteDisqualified);
        disqualify(northDisqualified);
        ClockUtil.reset();

        String day = "?from=2019-05-14&to=2019-05-14";
        JsonNode all = as("admin").getForObject("/api/analytics/lead-sources" + day, JsonNode.class);
        assertThat(sourceNumbers(all)).containsExactly(
                List.of("REFERRAL", 4L, 2L, 1L, 50.0, 50.0),
                List.of("WEBSITE", 2L, 1L, 0L, 50.0, 0.0));

        assertThat(sourceNumbers(as("mia").getForObject("/api/analytics/lead-sources" + day, JsonNode.class))).as("EAST only")
                .containsExactly(List.of("REFERRAL", 3L, 2L, 1L, 66.7, 50.0), List.of("WEBSITE", 2L, 1L, 0L, 50.0, 0.0));
        JsonNode north = as("noah").getForObject("/api/analytics/lead-sources" + day, JsonNode.class);
        assertThat(north).hasSize(1);
        assertThat(north.get(0).get("leads").asLong()).isEqualTo(1);
        assertThat(north.get(0).get("qualifiedPercent").asDouble()).isZero();
        assertThat(north.get(0).has("wonPercent")).as("nothing qualified to win").isFalse();

        String rep = referralWon.get("owner").asText();
        long ownLeads = List.of(referralWon, referralOpen, referralDisqualified, websiteLost, websiteDisqualified).stream()
                .filter(lead -> rep.equals(lead.path("owner").asText())).count();
        JsonNode own = as(rep).getForObject("/api/analytics/lead-sources" + day, JsonNode.class);
        assertThat(own.findValues("leads").stream().mapToLong(JsonNode::asLong).sum()).as(rep + "'s own leads").isEqualTo(ownLeads);

        assertThat(as("mia").getForEntity("/api/analytics/lead-sources?region=NORTH", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as(rep).getForEntity("/api/analytics/lead-sources?owner=dana", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("sam").getForEntity("/api/analytics/lead-sources", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void poolSizesAndTheOldestWaitPerRegionInScope() {
        Map<String, Long> before = poolSizes(as("admin").getForObject("/api/analytics/pool", JsonNode.class));

        // Nobody matches these (chen and dana 50 %), so they go to their region's pool; in 2001, older than any other pool lead.
        clockAt("2001-03-05T10:00");
        lead("mia", "SOUTH", "PRESCRIPTION", "CLINIC", "WEBSITE");
        clockAt("2001-03-05T12:00");
        lead("noah", "NORTH", "OTC", "PHARMACY", "WEBSITE");
        clockAt("2001-03-06T10:00");
        lead("mia", "SOUTH", "PRESCRIPTION", "CLINIC", "WEBSITE");
        clockAt("2001-03-08T10:00");

        JsonNode all = as("admin").getForObject("/api/analytics/pool", JsonNode.class);
        assertThat(all.findValuesAsText("region")).containsExactly("EAST", "SOUTH", "NORTH", "SOUTHWEST");
        assertThat(poolSizes(all)).containsEntry("SOUTH", before.get("SOUTH") + 2).containsEntry("NORTH", before.get("NORTH") + 1);
        assertThat(region(all, "SOUTH").get("oldestSince").asText()).isEqualTo("2001-03-05T02:00:00Z");
        assertThat(region(all, "SOUTH").get("oldestWaitingHours").asLong()).isEqualTo(72);
        assertThat(region(all, "NORTH").get("oldestWaitingHours").asLong()).isEqualTo(70);

        JsonNode asChen = as("chen").getForObject("/api/analytics/pool", JsonNode.class);
        assertThat(asChen.findValuesAsText("region")).as("a rep sees the pools of their regions").containsExactly("SOUTH");
        assertThat(asChen.get(0)).isEqualTo(region(all, "SOUTH"));
        assertThat(as("alice").getForObject("/api/analytics/pool", JsonNode.class).findValuesAsText("region")).containsExactly("EAST");
        assertThat(as("mia").getForObject("/api/analytics/pool", JsonNode.class).findValuesAsText("region")).containsExactly("EAST", "SOUTH");
        assertThat(as("noah").getForObject("/api/analytics/pool?region=NORTH", JsonNode.class).findValuesAsText("region"))
                .containsExactly("NORTH");
        assertThat(as("fiona").getForObject("/api/analytics/pool", JsonNode.class)).hasSize(4);
        assertThat(as("chen").getForEntity("/api/analytics/pool?region=NORTH", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("mia").getForEntity("/api/analytics/pool?region=NORTH", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("lily").getForEntity("/api/analytics/pool", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void slaComplianceCountsTheClocksThatEndedPerPriority() {
        clockAt("2019-05-15T10:00");  // a Wednesday no other test uses
        JsonNode answeredAndResolved = ticket("CRITICAL");
        JsonNode breached = ticket("CRITICAL");
        JsonNode answered = ticket("HIGH");
        clockAt("2019-05-15T10:10");
        reply(answeredAndResolved);
        reply(answered);
        assertThat(as("sam").postForEntity("/api/tickets/" + answeredAndResolved.get("id").asLong() + "/resolve",
                Map.of("resolution", "已远程修复 Fixed remotely"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        fire(breached, "Timer_FirstResponseWarning");
        fire(breached, "Timer_FirstResponseBreach");
        ClockUtil.reset();

        JsonNode sla = as("lily").getForObject("/api/analytics/sla?from=2019-05-15&to=2019-05-15", JsonNode.class);

        assertThat(sla.findValuesAsText("priority")).containsExactly("P1", "P2", "P3", "P4");
        assertThat(slaNumbers(sla.get(0))).containsExactly(2L, 1L, 1L, 50.0, 1L, 0L, 100.0, 1L);
        assertThat(slaNumbers(sla.get(1))).containsExactly(1L, 1L, 0L, 100.0, 0L, 0L, null, 0L);
        assertThat(sla.get(2).get("tickets").asLong()).isZero();
        assertThat(sla.get(2).has("firstResponseMetPercent")).isFalse();

        for (String serviceDesk : List.of("sam", "grace", "admin")) {
            assertThat(as(serviceDesk).getForObject("/api/analytics/sla?from=2019-05-15&to=2019-05-15", JsonNode.class)).isEqualTo(sla);
        }
        for (String sales : List.of("alice", "mia", "fiona")) {
            assertThat(as(sales).getForEntity("/api/analytics/sla", JsonNode.class).getStatusCode()).as(sales).isEqualTo(HttpStatus.FORBIDDEN);
        }
    }

    @Test
    void dataQualityFindsIncompleteUnreachableAndIdleRecordsInScope() {
        JsonNode before = as("admin").getForObject("/api/analytics/data-quality?region=SOUTH", JsonNode.class);

        clockAt("2019-05-20T10:00");
        long idleWithoutAmount = opportunity(null, null);
        ClockUtil.reset();
        long withoutCloseDate = opportunity("1000.00", null);
        long complete = opportunity("1000.00", "2031-06-30");
        long unreachable = lead("mia", "SOUTH", "OTC", "PHARMACY", "WEBSITE", null, null).get("id").asLong();

        JsonNode after = as("admin").getForObject("/api/analytics/data-quality?region=SOUTH", JsonNode.class);
        assertThat(count(after, "openOpportunitiesWithoutAmountOrCloseDate")).isEqualTo(count(before, "openOpportunitiesWithoutAmountOrCloseDate") + 2);
        assertThat(ids(after, "openOpportunitiesWithoutAmountOrCloseDate")).contains(idleWithoutAmount, withoutCloseDate).doesNotContain(complete);
        assertThat(count(after, "openOpportunitiesIdle")).isEqualTo(count(before, "openOpportunitiesIdle") + 1);
        assertThat(ids(after, "openOpportunitiesIdle")).contains(idleWithoutAmount).doesNotContain(withoutCloseDate, complete);
        assertThat(count(after, "openLeadsWithoutPhoneAndEmail")).isEqualTo(count(before, "openLeadsWithoutPhoneAndEmail") + 1);
        assertThat(ids(after, "openLeadsWithoutPhoneAndEmail")).contains(unreachable);
        assertThat(after.get("idleHours").asLong()).isEqualTo(72);

        assertThat(ids(as("chen").getForObject("/api/analytics/data-quality", JsonNode.class), "openOpportunitiesIdle"))
                .as("chen's own").contains(idleWithoutAmount);
        assertThat(ids(as("mia").getForObject("/api/analytics/data-quality", JsonNode.class), "openOpportunitiesIdle"))
                .as("SOUTH is mia's").contains(idleWithoutAmount);
        assertThat(ids(as("alice").getForObject("/api/analytics/data-quality", JsonNode.class), "openOpportunitiesIdle"))
                .as("not alice's").doesNotContain(idleWithoutAmount);
        assertThat(ids(as("noah").getForObject("/api/analytics/data-quality", JsonNode.class), "openOpportunitiesWithoutAmountOrCloseDate"))
                .as("not noah's region").doesNotContain(idleWithoutAmount, withoutCloseDate);
        assertThat(as("chen").getForEntity("/api/analytics/data-quality?owner=alice", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("sam").getForEntity("/api/analytics/data-quality", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static void clockAt(String shanghaiLocalTime) {
        ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(shanghaiLocalTime).atZone(SHANGHAI).toInstant()));
    }

    /** EAST, DEVICES, HOSPITAL, grade A: alice or frank (100 % match) gets it with a contact task. */
    private JsonNode eastLead(String source) {
        return lead("mia", "EAST", "DEVICES", "HOSPITAL", source);
    }

    private JsonNode lead(String user, String region, String productLine, String industry, String source) {
        return lead(user, region, productLine, industry, source, unique("ops") + "@example.cn", uniquePhone());
    }

    private JsonNode lead(String user, String region, String productLine, String industry, String source, String email, String phone) {
        Map<String, Object> lead = new HashMap<>(Map.of("name", "王芳", "company", unique("运营分析医院"), "source", source, "region", region,
                "industry", industry, "productLine", productLine, "visits30d", 10, "dwellSeconds", 600));
        if (email != null) {
            lead.put("email", email);
        }
        if (phone != null) {
            lead.put("phone", phone);
        }
        ResponseEntity<JsonNode> created = as(user).postForEntity("/api/leads", lead, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    /** Contacts and qualifies the lead in its tasks, as its owner would in Tasklist; returns the opportunity opened from it. */
    private long qualify(JsonNode lead) {
        contact(lead);
        completeTask(lead, "Task_QualifyLead", Map.of("outcome", "QUALIFIED", "qualificationNote", "预算已批 Budget approved"));
        return jdbc.sql("select id from opportunity where lead_id = ?").param(lead.get("id").asLong()).query(Long.class).single();
    }

    private void disqualify(JsonNode lead) {
        contact(lead);
        completeTask(lead, "Task_QualifyLead", Map.of("outcome", "DISQUALIFIED", "disqualifyReason", "NO_BUDGET"));
    }

    private void contact(JsonNode lead) {
        completeTask(lead, "Task_ContactLead", Map.of("contactChannel", "PHONE", "contactNote", "已电话沟通 Called"));
    }

    private void completeTask(JsonNode lead, String taskDefinitionKey, Map<String, Object> variables) {
        Task task = processEngine.getTaskService().createTaskQuery().processInstanceId(lead.get("processInstanceId").asText())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
        assertThat(task).as(taskDefinitionKey + " of " + lead).isNotNull();
        processEngine.getTaskService().complete(task.getId(), variables);
    }

    /**
     * Winning takes an approved quote and an approved contract (ContractApprovalProcessTest walks that way); for the lead
     * sources only the opportunity's stage matters.
     */
    private void markWon(long opportunityId) {
        jdbc.sql("update opportunity set stage = 'WON', win_probability = 100, closed_at = stage_entered_at where id = ?").param(opportunityId).update();
    }

    /** chen's SOUTH opportunity, entered directly; amount and expected close date as given (null = missing). */
    private long opportunity(String amount, String expectedCloseDate) {
        Map<String, Object> body = new HashMap<>(Map.of("name", unique("数据质量商机"), "region", "SOUTH", "productLine", "DEVICES"));
        if (amount != null) {
            body.put("amount", amount);
        }
        if (expectedCloseDate != null) {
            body.put("expectedCloseDate", expectedCloseDate);
        }
        ResponseEntity<JsonNode> created = as("chen").postForEntity("/api/opportunities", body, JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody().get("id").asLong();
    }

    private JsonNode ticket(String severity) {
        long customer = jdbc.sql("select id from customer where name = ?").param(TIER_B).query(Long.class).single();
        ResponseEntity<JsonNode> created = as("sam").postForEntity("/api/tickets", Map.of("customerId", customer, "severity", severity,
                "channel", "WECHAT", "subject", unique("SLA 统计 ZQX"), "description", "系统显示异常代码 ZQX-" + unique("c")), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    private void reply(JsonNode ticket) {
        assertThat(as("sam").postForEntity("/api/tickets/" + ticket.get("id").asLong() + "/replies", Map.of("body", "正在处理 We are on it"),
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    /** Fires a timer of the ticket's process as the job executor would at its due time. */
    private void fire(JsonNode ticket, String activityId) {
        Job job = processEngine.getManagementService().createJobQuery().processInstanceId(ticket.get("processInstanceId").asText())
                .timers().activityId(activityId).singleResult();
        assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        processEngine.getManagementService().executeJob(job.getId());
    }

    /** source, leads, qualified, won, qualified %, won % per row. */
    private static List<List<Object>> sourceNumbers(JsonNode rows) {
        return StreamSupport.stream(rows.spliterator(), false).map(row -> List.<Object>of(row.get("source").asText(), row.get("leads").asLong(),
                row.get("qualified").asLong(), row.get("won").asLong(), row.get("qualifiedPercent").asDouble(),
                row.get("wonPercent").asDouble())).toList();
    }

    /** tickets, first response met/breached/%, resolution met/breached/%, breached tickets; null for a % of nothing. */
    private static List<Object> slaNumbers(JsonNode row) {
        List<Object> numbers = new ArrayList<>();
        numbers.add(row.get("tickets").asLong());
        numbers.add(row.get("firstResponseMet").asLong());
        numbers.add(row.get("firstResponseBreached").asLong());
        numbers.add(row.has("firstResponseMetPercent") ? row.get("firstResponseMetPercent").asDouble() : null);
        numbers.add(row.get("resolutionMet").asLong());
        numbers.add(row.get("resolutionBreached").asLong());
        numbers.add(row.has("resolutionMetPercent") ? row.get("resolutionMetPercent").asDouble() : null);
        numbers.add(row.get("breachedTickets").asLong());
        return numbers;
    }

    private static Map<String, Long> poolSizes(JsonNode pools) {
        Map<String, Long> sizes = new HashMap<>();
        pools.forEach(pool -> sizes.put(pool.get("region").asText(), pool.get("leads").asLong()));
        return sizes;
    }

    private static JsonNode region(JsonNode pools, String region) {
        return StreamSupport.stream(pools.spliterator(), false).filter(pool -> pool.get("region").asText().equals(region)).findFirst().orElseThrow();
    }

    private static long count(JsonNode report, String finding) {
        return report.get(finding).get("count").asLong();
    }

    private static List<Long> ids(JsonNode report, String finding) {
        return StreamSupport.stream(report.get(finding).get("ids").spliterator(), false).map(JsonNode::asLong).toList();
    }
}
