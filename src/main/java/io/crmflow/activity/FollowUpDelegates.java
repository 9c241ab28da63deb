package io.crmflow.activity;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;

import io.crmflow.audit.AuditTrail;
import io.crmflow.process.EngineClock;
import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code follow-up-cadence.bpmn} and {@code follow-up-customer.bpmn}, each named after its task. */
final class FollowUpDelegates {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private FollowUpDelegates() {
    }

    /** "Check business day": the check runs on working days of the business calendar only; named by its date. */
    @Component("checkBusinessDayDelegate")
    static class CheckBusinessDay implements JavaDelegate {

        private final FollowUps followUps;

        CheckBusinessDay(FollowUps followUps) {
            this.followUps = followUps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            Instant now = EngineClock.now();
            execution.setProcessBusinessKey("follow-up-check-" + LocalDate.ofInstant(now, SHANGHAI));
            execution.setVariable("businessDay", followUps.isBusinessDay(now));
        }
    }

    /** "Find customers behind": opens a follow-up for each customer behind its cadence that has none open. */
    @Component("findCustomersBehindDelegate")
    static class FindCustomersBehind implements JavaDelegate {

        private final FollowUps followUps;

        FindCustomersBehind(FollowUps followUps) {
            this.followUps = followUps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("followUpsOpened", followUps.openFollowUps());
        }
    }

    /** "Escalate to manager": at the task's deadline, the manager's board and an IM if the customer is still behind. */
    @Component("escalateFollowUpDelegate")
    static class EscalateFollowUp implements JavaDelegate {

        private final FollowUps followUps;

        EscalateFollowUp(FollowUps followUps) {
            this.followUps = followUps;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("escalated", followUps.escalate(((Number) execution.getVariable("followUpId")).longValue()));
        }
    }

    /**
     * "Record follow-up activity": the activity the owner entered in the task's form, recorded as theirs; a bad entry
     * (no kind, a date after tomorrow) refuses the completion with the field named, so Tasklist shows it.
     */
    @Component("recordFollowUpActivityDelegate")
    static class RecordFollowUpActivity implements JavaDelegate {

        private final ActivityService activities;
        private final FollowUps followUps;
        private final AuditTrail audit;

        RecordFollowUpActivity(ActivityService activities, FollowUps followUps, AuditTrail audit) {
            this.activities = activities;
            this.followUps = followUps;
            this.audit = audit;
        }

        @Override
        public void execute(DelegateExecution execution) {
            long customerId = ((Number) execution.getVariable("customerId")).longValue();
            Object kind = execution.getVariable("activityKind");
            if (!(kind instanceof String name) || java.util.Arrays.stream(ActivityKind.values()).noneMatch(known -> known.name().equals(name))) {
                throw new InvalidRequestException("activityKind", "跟进方式 How did you follow up? (VISIT, CALL, ONLINE_MEETING, DEMO, EMAIL, IM)");
            }
            Object minutes = execution.getVariable("activityMinutes");
            if (minutes instanceof Number number && number.intValue() < 0) {
                throw new InvalidRequestException("activityMinutes", "时长 Minutes must not be negative");
            }
            String note = (String) execution.getVariable("activityNote");
            Object link = execution.getVariable("attachmentLink");
            if (link instanceof String url && !url.isBlank()) {
                note = (note == null ? "" : note + "\n") + "附件 Attachments: " + url.strip();
            }
            NewActivity activity = new NewActivity(ActivityKind.valueOf(name), occurredAt(execution.getVariable("activityOccurredAt")),
                    minutes instanceof Number number ? number.intValue() : null, note, null, null);
            String actor = audit.currentActor();
            Activity recorded = activities.recordFromTask(customerId, activity, actor);
            followUps.closeWith(((Number) execution.getVariable("followUpId")).longValue(), recorded.id(), actor);
            execution.setVariable("activityId", recorded.id());
        }

        /** The form's date-time field (with an offset, in UTC, or local to Asia/Shanghai); missing: now. */
        private static Instant occurredAt(Object value) {
            if (value instanceof Date date) {
                return date.toInstant();
            }
            if (!(value instanceof String text) || text.isBlank()) {
                return EngineClock.now();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException notWithOffset) {
                try {
                    return LocalDateTime.parse(text).atZone(SHANGHAI).toInstant();
                } catch (DateTimeParseException unreadable) {
                    throw new InvalidRequestException("activityOccurredAt", "时间 When: '" + text + "' is not a date and time");
                }
            }
        }
    }
}
