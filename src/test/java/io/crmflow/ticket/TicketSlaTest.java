package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.crmflow.notify.Notifications;
import io.crmflow.notify.OutboxMessage;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * SLA clocks with the real engine and rules at a controlled clock (Asia/Shanghai): due times per priority and start time
 * (2026 calendar: make-up working Sunday 2026-09-20, Mid-Autumn 09-25..27, National Day 10-01..07, make-up Saturday 10-10),
 * pauses, and the warning and breach timers.
 */
class TicketSlaTest extends TicketTestSupport {

    @Autowired
    Notifications notifications;

    @ParameterizedTest(name = "{0} created {1}: first response {2}, resolution {3}")
    @CsvSource({
            // Monday 10:00
            "CRITICAL, 2026-03-09T10:00, 2026-03-09T11:00, 2026-03-09T14:00",
            "HIGH,     2026-03-09T10:00, 2026-03-09T14:00, 2026-03-10T17:00",
            "MEDIUM,   2026-03-09T10:00, 2026-03-09T18:00, 2026-03-13T14:00",
            "LOW,      2026-03-09T10:00, 2026-03-10T17:00, 2026-03-19T18:00",
            // Friday 17:30: half an hour before closing
            "CRITICAL, 2026-03-13T17:30, 2026-03-13T18:30, 2026-03-13T21:30",
            "HIGH,     2026-03-13T17:30, 2026-03-16T12:30, 2026-03-17T15:30",
            "MEDIUM,   2026-03-13T17:30, 2026-03-16T16:30, 2026-03-20T12:30",
            "LOW,      2026-03-13T17:30, 2026-03-17T15:30, 2026-03-26T16:30",
            // Saturday 11:00: business clocks start Monday 09:00, P1 at once
            "CRITICAL, 2026-03-14T11:00, 2026-03-14T12:00, 2026-03-14T15:00",
            "HIGH,     2026-03-14T11:00, 2026-03-16T13:00, 2026-03-17T16:00",
            "MEDIUM,   2026-03-14T11:00, 2026-03-16T17:00, 2026-03-20T13:00",
            "LOW,      2026-03-14T11:00, 2026-03-17T16:00, 2026-03-26T17:00",
            // Wednesday 20:00 before National Day (10-01..07): next working day Thursday 10-08, make-up Saturday 10-10
            "CRITICAL, 2026-09-30T20:00, 2026-09-30T21:00, 2026-10-01T00:00",
            "HIGH,     2026-09-30T20:00, 2026-10-08T13:00, 2026-10-09T16:00",
            "MEDIUM,   2026-09-30T20:00, 2026-10-08T17:00, 2026-10-13T13:00",
            "LOW,      2026-09-30T20:00, 2026-10-09T16:00, 2026-10-19T17:00",
            // make-up working Sunday 2026-09-20 10:00; Friday 09-25 and 10-01..07 are holidays
            "CRITICAL, 2026-09-20T10:00, 2026-09-20T11:00, 2026-09-20T14:00",
            "HIGH,     2026-09-20T10:00, 2026-09-20T14:00, 2026-09-21T17:00",
            "MEDIUM,   2026-09-20T10:00, 2026-09-20T18:00, 2026-09-24T14:00",
            "LOW,      2026-09-20T10:00, 2026-09-21T17:00, 2026-10-08T18:00"})
    void dueTimesFollowTheCalendarOfThePriority(String severity, String created, String firstResponseDue, String resolutionDue) {
        clockAt(at(created));

        JsonNode ticket = newTicket(TIER_B, severity);

        assertThat(instant(ticket, "firstResponseDue")).isEqualTo(at(firstResponseDue));
        assertThat(instant(ticket, "resolutionDue")).isEqualTo(at(resolutionDue));
        // The timers wait for the warning first (75 % of each target), on the same calendar.
        assertThat(timer(ticket, "Timer_FirstResponseWarning").getDuedate().toInstant()).isEqualTo(instant(clock(ticket, "FIRST_RESPONSE"), "warningAt"));
        assertThat(timer(ticket, "Timer_ResolutionWarning").getDuedate().toInstant()).isEqualTo(instant(clock(ticket, "RESOLUTION"), "warningAt"));
        assertThat(clock(ticket, "RESOLUTION").get("state").asText()).isEqualTo("RUNNING");
    }

    @Test
    void aPauseOverTheWeekendMovesTheDueTimeOnlyByThePausedBusinessTime() {
        clockAt(at("2026-03-12T10:00"));  // Thursday; P4: resolution 80 business hours
        JsonNode ticket = newTicket(TIER_B, "LOW");
        assertThat(instant(ticket, "resolutionDue")).isEqualTo(at("2026-03-24T18:00"));

        // Waiting from Friday after closing to Monday before opening: nothing moves.
        clockAt(at("2026-03-13T18:30"));
        JsonNode waiting = ok(post("sam", ticket, "replies", Map.of("body", "请提供设备序列号 Please send the serial number", "waitForCustomer", true)));
        assertThat(waiting.get("status").asText()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(clock(waiting, "RESOLUTION").get("state").asText()).isEqualTo("PAUSED");
        assertThat(timer(ticket, "Timer_ResolutionWarning")).as("no timers while paused").isNull();
        clockAt(at("2026-03-16T08:30"));
        JsonNode resumed = ok(post("sam", ticket, "customer-replies", Map.of("body", "序列号 SN-1234")));
        assertThat(resumed.get("status").asText()).isEqualTo("OPEN");
        assertThat(instant(resumed, "resolutionDue")).isEqualTo(at("2026-03-24T18:00"));
        assertThat(Duration.parse(clock(resumed, "RESOLUTION").get("paused").asText())).isZero();

        // Waiting Friday 16:00 to Monday 10:00: 2 h on Friday + 1 h on Monday, the weekend counts zero.
        clockAt(at("2026-03-20T16:00"));
        ok(post("sam", ticket, "replies", Map.of("body", "请重启后再试 Please restart and try again", "waitForCustomer", true)));
        clockAt(at("2026-03-21T12:00"));
        JsonNode duringPause = reload(ticket);
        assertThat(clock(duringPause, "RESOLUTION").get("state").asText()).isEqualTo("PAUSED");
        assertThat(Duration.parse(clock(duringPause, "RESOLUTION").get("paused").asText())).isEqualTo(Duration.ofHours(2));
        clockAt(at("2026-03-23T10:00"));
        resumed = ok(post("sam", ticket, "customer-replies", Map.of("body", "还是不行 Still broken")));

        JsonNode resolution = clock(resumed, "RESOLUTION");
        assertThat(instant(resumed, "resolutionDue")).isEqualTo(at("2026-03-25T12:00"));
        assertThat(Duration.parse(resolution.get("paused").asText())).isEqualTo(Duration.ofHours(3));
        assertThat(resolution.get("state").asText()).isEqualTo("RUNNING");
        // Thursday 8 h + Friday 9 h + 4 weekdays × 9 h + Friday 7 h before the pause + Monday 0 h after it = 60 h.
        assertThat(Duration.parse(resolution.get("elapsed").asText())).isEqualTo(Duration.ofHours(60));
        assertThat(timer(ticket, "Timer_ResolutionWarning").getDuedate().toInstant()).isEqualTo(instant(resolution, "warningAt"));
        assertThat(clock(resumed, "FIRST_RESPONSE").get("state").asText()).as("met by the first reply").isEqualTo("MET");
    }

    @Test
    void warningAndBreachTimersTellTheAssigneeMarkTheTicketAndGiveTheLeadATask() {
        clockAt(at("2026-03-09T10:00"));  // P2: first response 4 h, resolution 16 h
        JsonNode ticket = newTicket(TIER_B, "HIGH");
        long id = ticket.get("id").asLong();

        fire(ticket, "Timer_FirstResponseWarning");
        assertThat(notifications.about("ticket:" + id)).extracting(OutboxMessage::recipient).containsExactly(TicketService.UNASSIGNED_RECIPIENT);
        assertThat(reload(ticket).get("breached").asBoolean()).isFalse();
        assertThat(timer(ticket, "Timer_FirstResponseBreach").getDuedate().toInstant()).isEqualTo(at("2026-03-09T14:00"));

        fire(ticket, "Timer_FirstResponseBreach");
        JsonNode breached = reload(ticket);
        assertThat(breached.get("breached").asBoolean()).isTrue();
        assertThat(clock(breached, "FIRST_RESPONSE").get("state").asText()).isEqualTo("BREACHED");
        Task leadTask = task(ticket, "Task_HandleBreach");
        assertThat(processEngine.getTaskService().getIdentityLinksForTask(leadTask.getId()))
                .anyMatch(link -> "support-lead".equals(link.getGroupId()));

        // An answer after the breach leaves the clock breached; sara now owns the ticket and gets the resolution warning.
        clockAt(at("2026-03-09T15:00"));
        JsonNode answered = ok(post("sara", ticket, "replies", Map.of("body", "正在处理 We are on it")));
        assertThat(clock(answered, "FIRST_RESPONSE").get("state").asText()).isEqualTo("BREACHED");
        assertThat(answered.get("assignee").asText()).isEqualTo("sara");
        assertThat(task(ticket, "Task_HandleTicketL2").getAssignee()).isEqualTo("sara");

        fire(ticket, "Timer_ResolutionWarning");
        assertThat(timer(ticket, "Timer_ResolutionWarning")).isNull();
        assertThat(notifications.about("ticket:" + id)).extracting(OutboxMessage::recipient).endsWith("sara");
        fire(ticket, "Timer_ResolutionBreach");
        assertThat(clock(reload(ticket), "RESOLUTION").get("state").asText()).isEqualTo("BREACHED");
        assertThat(processEngine.getTaskService().createTaskQuery().processInstanceId(ticket.get("processInstanceId").asText())
                .taskDefinitionKey("Task_HandleBreach").count()).isEqualTo(2);

        processEngine.getTaskService().setAssignee(leadTask.getId(), "lily");
        processEngine.getTaskService().complete(leadTask.getId(), Map.of("breachNote", "已联系客户道歉 Called the customer"));
        JsonNode timeline = as("lily").getForObject("/api/tickets/" + id + "/timeline", JsonNode.class);
        assertThat(timeline.findValuesAsText("type")).containsSubsequence("OPENED", "SLA_WARNING", "SLA_BREACHED", "REPLIED",
                "SLA_WARNING", "SLA_BREACHED", "BREACH_REVIEWED");
        assertThat(timeline.findValuesAsText("actor")).contains("lily");
    }
}
