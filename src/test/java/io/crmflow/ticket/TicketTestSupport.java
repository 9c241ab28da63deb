package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.ProcessIntegrationTest;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Tickets through the API at a controlled engine time, and the jobs and tasks of their process. */
abstract class TicketTestSupport extends ProcessIntegrationTest {

    /** Demo customer of tier B (account owner bob): CRITICAL → P1, HIGH → P2, MEDIUM → P3, LOW → P4. */
    static final String TIER_B = "杭州康宁大药房";
    static final String TIER_A = "上海仁济医疗器械有限公司";

    long customer(String name) {
        return jdbc.sql("select id from customer where name = ?").param(name).query(Long.class).single();
    }

    static Instant at(String shanghaiTime) {
        return OffsetDateTime.parse(shanghaiTime + "+08:00").toInstant();
    }

    static void clockAt(Instant instant) {
        ClockUtil.setCurrentTime(Date.from(instant));
    }

    /** A ticket whose text matches no knowledge-base article, so it starts at L2. */
    JsonNode newTicket(String customer, String severity) {
        return newTicket(customer, severity, unique("SLA 测试 ZQX"), "系统显示异常代码 ZQX-" + unique("c"));
    }

    JsonNode newTicket(String customer, String severity, String subject, String description) {
        ResponseEntity<JsonNode> created = as("sam").postForEntity("/api/tickets", Map.of("customerId", customer(customer),
                "severity", severity, "channel", "WECHAT", "subject", subject, "description", description), JsonNode.class);
        assertThat(created.getStatusCode()).as(String.valueOf(created.getBody())).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    JsonNode reload(JsonNode ticket) {
        return as("sam").getForObject("/api/tickets/" + ticket.get("id").asLong(), JsonNode.class);
    }

    ResponseEntity<JsonNode> post(String user, JsonNode ticket, String action, Map<String, ?> body) {
        return as(user).postForEntity("/api/tickets/" + ticket.get("id").asLong() + "/" + action, new HashMap<>(body), JsonNode.class);
    }

    JsonNode ok(ResponseEntity<JsonNode> response) {
        assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    static JsonNode clock(JsonNode ticket, String kind) {
        for (JsonNode clock : ticket.get("clocks")) {
            if (clock.get("clock").asText().equals(kind)) {
                return clock;
            }
        }
        throw new AssertionError("no clock " + kind + " in " + ticket);
    }

    static Instant instant(JsonNode node, String field) {
        return Instant.parse(node.get(field).asText());
    }

    Job timer(JsonNode ticket, String activityId) {
        return processEngine.getManagementService().createJobQuery().processInstanceId(ticket.get("processInstanceId").asText())
                .timers().activityId(activityId).singleResult();
    }

    /** Fires a timer as the job executor would at its due time. */
    void fire(JsonNode ticket, String activityId) {
        Job job = timer(ticket, activityId);
        assertThat(job).as("timer " + activityId).isNotNull();
        ClockUtil.setCurrentTime(job.getDuedate());
        processEngine.getManagementService().executeJob(job.getId());
    }

    org.camunda.bpm.engine.task.Task task(JsonNode ticket, String taskDefinitionKey) {
        return processEngine.getTaskService().createTaskQuery().processInstanceId(ticket.get("processInstanceId").asText())
                .taskDefinitionKey(taskDefinitionKey).singleResult();
    }
}
