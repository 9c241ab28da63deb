package io.crmflow.activity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;
import static io.crmflow.process.EngineClock.now;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmflow.calendar.BusinessCalendar;
import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleSet;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Follow-ups of customers behind their cadence (docs/product.md §13), carried by {@code processes/follow-up-cadence.bpmn} (the
 * daily check) and {@code processes/follow-up-customer.bpmn} (one per customer behind: the owner's task, and after
 * {@link #ESCALATE_AFTER_BUSINESS_DAYS} business days the manager's board and an IM). At most one open follow-up per customer.
 */
@Service
class FollowUps {

    static final String PROCESS_KEY = "follow-up-customer";
    static final String MESSAGE_FOLLOWED_UP = "Message_CustomerFollowedUp";
    /** "still behind 3 business days later" (docs/product.md §13): the deadline of the task, counted on the business calendar. */
    static final int ESCALATE_AFTER_BUSINESS_DAYS = 3;
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final CadenceCheck check;
    private final ActiveRuleSet rules;
    private final BusinessCalendars calendars;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final SalesTeam team;
    private final Notifications notifications;

    FollowUps(CadenceCheck check, ActiveRuleSet rules, BusinessCalendars calendars, JdbcClient jdbc, RuntimeService runtime, SalesTeam team,
              Notifications notifications) {
        this.check = check;
        this.rules = rules;
        this.calendars = calendars;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.team = team;
        this.notifications = notifications;
    }

    boolean isBusinessDay(Instant at) {
        BusinessCalendar calendar = calendars.current();
        return calendar.isWorkingDay(LocalDate.ofInstant(at, calendar.zone()));
    }

    /** Step "Find customers behind": a follow-up and its process for each customer behind that has none open; returns how many. */
    @Transactional
    int openFollowUps() {
        Instant now = now();
        List<CadenceCheck.Behind> behind = rules.decide(FollowUpCadence.MODEL, ruleSet -> check.behind(ruleSet, now, true, null));
        Instant escalateAt = escalateAt(now);
        for (CadenceCheck.Behind customer : behind) {
            long id = insert(customer, now, escalateAt);
            Map<String, Object> variables = new HashMap<>();
            variables.put("followUpId", id);
            variables.put("customerId", customer.customerId());
            variables.put("customerName", customer.name());
            variables.put("owner", customer.owner());
            variables.put("reason", customer.reason());
            variables.put("cadence", customer.cadence().describe());
            variables.put("escalateAt", Date.from(escalateAt));
            // The form's "when" starts at the check's time in Shanghai; the owner changes it to when they followed up.
            variables.put("activityOccurredAt", now.atZone(SHANGHAI).toOffsetDateTime().withNano(0).toString());
            runtime.startProcessInstanceByKey(PROCESS_KEY, "follow-up-" + id, variables);
        }
        return behind.size();
    }

    /** The opening hour of the {@link #ESCALATE_AFTER_BUSINESS_DAYS}th working day after today. */
    private Instant escalateAt(Instant now) {
        BusinessCalendar calendar = calendars.current();
        LocalDate day = LocalDate.ofInstant(now, calendar.zone());
        for (int workingDays = 0; workingDays < ESCALATE_AFTER_BUSINESS_DAYS; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                workingDays++;
            }
        }
        return calendar.opening(day);
    }

    private long insert(CadenceCheck.Behind customer, Instant now, Instant escalateAt) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into follow_up (customer_id, open_customer_id, owner, region, tier, reason, opened_at, escalate_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(customer.customerId(), customer.customerId(), customer.owner(), customer.region(), customer.tier().name(),
                        customer.reason(), timestamp(now), timestamp(escalateAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Step "Escalate to manager", at the task's deadline: when the customer is still behind, the follow-up goes on the
     * region manager's board and the manager gets an IM. Returns whether it did.
     */
    @Transactional
    boolean escalate(long followUpId) {
        FollowUp followUp = find(followUpId).orElseThrow(() -> new IllegalStateException("No follow-up " + followUpId));
        if (followUp.closedAt() != null || followUp.escalatedAt() != null) {
            return false;
        }
        Instant now = now();
        List<CadenceCheck.Behind> still = rules.decide(FollowUpCadence.MODEL, ruleSet -> check.behind(ruleSet, now, false, followUp.customerId()));
        if (still.isEmpty()) {
            return false;
        }
        String manager = followUp.region() == null ? "admin" : team.managerOf(Region.valueOf(followUp.region())).orElse("admin");
        jdbc.sql("update follow_up set escalated_at = ?, manager = ?, reason = ? where id = ?")
                .params(timestamp(now), manager, still.get(0).reason(), followUpId).update();
        notifications.send(new Notification(Channel.IM, manager, "客户跟进逾期 Customer not followed up: " + still.get(0).name(),
                still.get(0).reason() + " — owner " + followUp.owner() + ", open since " + followUp.openedAt(),
                "customer:" + followUp.customerId(), "follow-up:" + followUpId + ":escalated"));
        return true;
    }

    /** The owner completed the task: the follow-up is closed with the activity it recorded. */
    @Transactional
    void closeWith(long followUpId, long activityId, String actor) {
        jdbc.sql("update follow_up set open_customer_id = null, closed_at = ?, closed_by = ?, activity_id = ? where id = ? and closed_at is null")
                .params(timestamp(now()), actor, activityId, followUpId).update();
    }

    /**
     * An activity recorded elsewhere (API, another task) that brings its customer back within cadence closes the open
     * follow-up and ends its task; one that does not leaves both open.
     */
    @EventListener
    void onActivity(ActivityRecorded recorded) {
        Optional<Long> open = jdbc.sql("select id from follow_up where open_customer_id = ?").param(recorded.customerId()).query(Long.class).optional();
        if (open.isEmpty()) {
            return;
        }
        Instant now = now();
        RuleSet ruleSet = rules.current();
        if (!check.behind(ruleSet, now, false, recorded.customerId()).isEmpty()) {
            return;
        }
        closeWith(open.get(), recorded.activityId(), recorded.recordedBy());
        // None waiting when the activity comes from this follow-up's own task: that process moved on already.
        runtime.createMessageCorrelation(MESSAGE_FOLLOWED_UP).processInstanceBusinessKey("follow-up-" + open.get()).correlateAllWithResult();
    }

    Optional<FollowUp> find(long id) {
        return jdbc.sql("select " + FollowUp.COLUMNS + " from follow_up f join customer c on c.id = f.customer_id where f.id = ?").param(id)
                .query(FollowUp::of).optional();
    }

    /**
     * Open follow-ups escalated to a manager, oldest first: every one for administrators, the regions' for their manager,
     * a rep's own for the rep.
     */
    List<FollowUp> board(CurrentUser user) {
        BoardScope scope = BoardScope.of(user, team, "f.region", "f.owner");
        return jdbc.sql("select " + FollowUp.COLUMNS + " from follow_up f join customer c on c.id = f.customer_id"
                        + " where f.escalated_at is not null and f.closed_at is null" + scope.condition() + " order by f.escalated_at, f.id")
                .params(scope.params()).query(FollowUp::of).list();
    }

    /** A follow-up as the board and the API show it. */
    record FollowUp(long id, long customerId, String customerName, String owner, String region, String tier, String reason, Instant openedAt, Instant escalateAt,
                    Instant escalatedAt, String manager, Instant closedAt, String closedBy, Long activityId) {

        static final String COLUMNS = "f.id, f.customer_id, c.name, f.owner, f.region, f.tier, f.reason, f.opened_at, f.escalate_at, "
                + "f.escalated_at, f.manager, f.closed_at, f.closed_by, f.activity_id";

        static FollowUp of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            long activity = rs.getLong("activity_id");
            Long activityId = rs.wasNull() ? null : activity;
            return new FollowUp(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("name"), rs.getString("owner"), rs.getString("region"), rs.getString("tier"),
                    rs.getString("reason"), instant(rs, "opened_at"), instant(rs, "escalate_at"), instant(rs, "escalated_at"),
                    rs.getString("manager"), instant(rs, "closed_at"), rs.getString("closed_by"), activityId);
        }
    }
}
