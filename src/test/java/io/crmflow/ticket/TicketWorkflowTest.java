package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** L1 → L2 → L3, the knowledge-base workflow, confirmation, auto-close and reopening, through the API and the process. */
class TicketWorkflowTest extends TicketTestSupport {

    @Autowired
    Notifications notifications;

    private JsonNode article(String keywords) {
        ResponseEntity<JsonNode> created = as("lily").postForEntity("/api/kb/articles", Map.of("title", "血糖仪校准 Calibrating the meter",
                "keywords", keywords, "body", "开机后长按 SET 键 5 秒进入校准模式。 Hold SET for 5 s after power-on to calibrate."), JsonNode.class);
        assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return created.getBody();
    }

    @Test
    void l1AnswerNotSolvedGoesToTheAgentsThenTheAccountOwnerWithTheConversation() {
        clockAt(at("2026-03-09T10:00"));
        String model = unique("GM").toUpperCase();
        JsonNode article = article("血糖仪, 校准, " + model);

        // MEDIUM × tier B = P3; the text uses synonyms (血糖检测仪, 标定) and no spaces between words.
        JsonNode ticket = newTicket(TIER_B, "MEDIUM", "血糖检测仪需要标定", "我们药房的" + model + "血糖检测仪读数偏高，需要标定吗？");

        assertThat(ticket.get("level").asText()).isEqualTo("L1");
        assertThat(ticket.get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(ticket.get("answeredByArticle").asLong()).isEqualTo(article.get("id").asLong());
        assertThat(ticket.get("conversation").findValuesAsText("authorKind")).containsExactly("CUSTOMER", "SYSTEM");
        assertThat(clock(ticket, "RESOLUTION").get("state").asText()).isEqualTo("PAUSED");
        assertThat(task(ticket, "Task_HandleTicketL2")).as("no agent task at L1").isNull();

        clockAt(at("2026-03-09T14:00"));
        JsonNode notSolved = ok(post("sam", ticket, "customer-replies", Map.of("body", "按了 SET 键也没有用", "solved", false)));

        assertThat(notSolved.get("level").asText()).isEqualTo("L2");
        assertThat(notSolved.get("status").asText()).isEqualTo("OPEN");
        assertThat(clock(notSolved, "RESOLUTION").get("state").asText()).isEqualTo("RUNNING");
        var l2 = task(ticket, "Task_HandleTicketL2");
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(l2.getId())).anyMatch(link -> "support-agent".equals(link.getGroupId()));
        Map<String, Object> form = processEngine.getTaskService().getVariables(l2.getId());
        assertThat((String) form.get("conversation")).contains("按了 SET 键也没有用", "长按 SET");
        assertThat((String) form.get("customerHistory")).contains("工单 Tickets", "商机 Opportunities", "合同 Contracts");

        JsonNode transferred = ok(post("sara", ticket, "transfer", Map.of("note", "需要更换设备，请客户经理跟进")));

        assertThat(transferred.get("level").asText()).isEqualTo("L3");
        assertThat(transferred.get("assignee").asText()).isEqualTo("bob");
        assertThat(task(ticket, "Task_HandleTicketL3").getAssignee()).isEqualTo("bob");
        OutboxMessage toOwner = notifications.about("ticket:" + ticket.get("id").asLong()).stream()
                .filter(message -> message.recipient().equals("bob")).findFirst().orElseThrow();
        assertThat(toOwner.body()).contains("需要更换设备", "按了 SET 键也没有用");
        assertThat(post("sam", ticket, "transfer", Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(as("alice").getForEntity("/api/tickets/" + ticket.get("id").asLong(), JsonNode.class).getStatusCode())
                .as("not alice's customer").isEqualTo(HttpStatus.NOT_FOUND);

        JsonNode resolved = ok(post("bob", ticket, "resolve", Map.of("resolution", "已上门更换新设备 Replaced the meter on site")));

        assertThat(resolved.get("status").asText()).isEqualTo("RESOLVED");
        assertThat(clock(resolved, "RESOLUTION").get("state").asText()).isEqualTo("MET");
        assertThat(clock(resolved, "FIRST_RESPONSE").get("state").asText()).isEqualTo("MET");
        assertThat(timer(ticket, "Timer_FirstResponseWarning")).isNull();
        assertThat(as("bob").getForObject("/api/tickets/" + ticket.get("id").asLong() + "/timeline", JsonNode.class).findValuesAsText("type"))
                .containsSubsequence("OPENED", "AUTO_ANSWERED", "CLOCK_PAUSED", "CUSTOMER_REPLIED", "CLOCK_RESUMED", "ESCALATED",
                        "TRANSFERRED", "RESOLVED");
    }

    @Test
    void anAgentsProposedAnswerIsUsedByL1OnlyOnceTheLeadApprovesIt() {
        clockAt(at("2026-03-10T10:00"));
        String code = unique("ERR").toUpperCase();
        JsonNode first = newTicket(TIER_B, "LOW", "打印标签报错 " + code, "标签打印机显示 " + code);
        ok(post("sam", first, "resolve", Map.of("resolution", "清理打印头后重启即可 Clean the print head and restart")));

        ResponseEntity<JsonNode> proposed = post("sam", first, "article-proposals", Map.of("title", "标签打印机 " + code, "keywords", "标签打印机, " + code));
        assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        long articleId = proposed.getBody().get("id").asLong();
        assertThat(proposed.getBody().get("status").asText()).isEqualTo("PROPOSED");
        assertThat(proposed.getBody().get("body").asText()).contains("清理打印头");
        assertThat(newTicket(TIER_B, "LOW", "又报错了 " + code, "标签打印机 " + code).get("level").asText()).as("not approved yet").isEqualTo("L2");
        assertThat(as("sam").postForEntity("/api/kb/articles/" + articleId + "/approve", Map.of(), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(as("lily").getForObject("/api/kb/articles?status=PROPOSED", JsonNode.class).findValuesAsText("id"))
                .contains(String.valueOf(articleId));

        JsonNode approved = as("lily").postForObject("/api/kb/articles/" + articleId + "/approve", Map.of("note", "写得清楚"), JsonNode.class);

        assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
        JsonNode answered = newTicket(TIER_B, "LOW", "标签打印机 " + code, "今天早上开始报 " + code);
        assertThat(answered.get("level").asText()).isEqualTo("L1");
        assertThat(answered.get("answeredByArticle").asLong()).isEqualTo(articleId);
        assertThat(newTicket(TIER_B, "HIGH", "标签打印机 " + code, code).get("level").asText()).as("P2 always goes to an agent").isEqualTo("L2");

        // The lead edits and deletes articles; a deleted one answers nothing any more.
        ResponseEntity<JsonNode> rejectAgain = as("lily").postForEntity("/api/kb/articles/" + articleId + "/reject", Map.of(), JsonNode.class);
        assertThat(rejectAgain.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        as("lily").delete("/api/kb/articles/" + articleId);
        assertThat(as("lily").getForEntity("/api/kb/articles/" + articleId, JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(newTicket(TIER_B, "LOW", "标签打印机 " + code, code).get("level").asText()).isEqualTo("L2");

        // L1 solved: the customer's "solved" resolves the ticket.
        ok(post("sam", answered, "customer-replies", Map.of("body", "好了，谢谢", "solved", true)));
        assertThat(reload(answered).get("status").asText()).isEqualTo("RESOLVED");
    }

    @Test
    void aResolvedTicketClosesAfterThreeBusinessDaysWithoutAnAnswer() {
        clockAt(at("2026-03-13T10:00"));  // Friday
        JsonNode ticket = newTicket(TIER_B, "HIGH");
        ok(post("sara", ticket, "resolve", Map.of("resolution", "已远程修复 Fixed remotely")));
        assertThat(timer(ticket, "Timer_AutoClose").getDuedate().toInstant()).isEqualTo(at("2026-03-18T10:00"));

        fire(ticket, "Timer_AutoClose");

        JsonNode closed = reload(ticket);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(instant(closed, "closedAt")).isEqualTo(at("2026-03-18T10:00"));
        assertThat(timer(ticket, "Timer_ReopenWindowEnds").getDuedate().toInstant()).isEqualTo(at("2026-03-20T10:00"));
        JsonNode rated = ok(post("sam", ticket, "csat", Map.of("csat", 4)));
        assertThat(rated.get("csat").asInt()).isEqualTo(4);
    }

    @Test
    void reopenedWithinSevenDaysTheResolutionClockStartsAgain() {
        clockAt(at("2026-03-09T10:00"));
        JsonNode ticket = newTicket(TIER_B, "HIGH");
        ok(post("sara", ticket, "resolve", Map.of("resolution", "已远程修复 Fixed remotely")));
        clockAt(at("2026-03-09T11:00"));
        JsonNode confirmed = ok(post("sam", ticket, "confirm", Map.of("csat", 5)));
        assertThat(confirmed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(confirmed.get("csat").asInt()).isEqualTo(5);

        clockAt(at("2026-03-16T09:30"));  // 6 days 23.5 hours after resolution
        JsonNode reopened = ok(post("sam", ticket, "reopen", Map.of("reason", "问题又出现了 It is back")));

        assertThat(reopened.get("status").asText()).isEqualTo("OPEN");
        assertThat(reopened.get("level").asText()).isEqualTo("L2");
        assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
        JsonNode resolution = clock(reopened, "RESOLUTION");
        assertThat(resolution.get("state").asText()).isEqualTo("RUNNING");
        assertThat(instant(resolution, "startedAt")).isEqualTo(at("2026-03-16T09:30"));
        assertThat(instant(reopened, "resolutionDue")).isEqualTo(at("2026-03-17T16:30"));  // 16 business hours
        assertThat(task(ticket, "Task_HandleTicketL2")).isNotNull();
        assertThat(timer(ticket, "Timer_ResolutionWarning").getDuedate().toInstant()).isEqualTo(instant(resolution, "warningAt"));

        // Resolved again, and reopened again before it closes.
        ok(post("sara", ticket, "resolve", Map.of("resolution", "更换了电源 Replaced the power supply")));
        assertThat(ok(post("sam", ticket, "reopen", Map.of("reason", "还是不行"))).get("reopenCount").asInt()).isEqualTo(2);
    }

    @Test
    void afterSevenDaysAReopenIsRefusedAndNothingChanges() {
        clockAt(at("2026-03-09T10:00"));
        JsonNode ticket = newTicket(TIER_B, "HIGH");
        ok(post("sara", ticket, "resolve", Map.of("resolution", "已远程修复 Fixed remotely")));
        fire(ticket, "Timer_AutoClose");
        fire(ticket, "Timer_ReopenWindowEnds");
        assertThat(processEngine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(TicketService.PROCESS_KEY)
                .processInstanceBusinessKey(ticket.get("id").asText()).count()).as("process ended").isZero();
        long events = count("ticket_event");

        ResponseEntity<JsonNode> refused = post("sam", ticket, "reopen", Map.of("reason", "又坏了"));

        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
        assertThat(refused.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(refused.getBody().get("detail").asText()).contains("2026-03-16 10:00");
        assertThat(reload(ticket).get("status").asText()).isEqualTo("CLOSED");
        assertThat(count("ticket_event")).isEqualTo(events);
    }
}
