package io.crmflow.activity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;
import static io.crmflow.process.EngineClock.now;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmflow.customer.CustomerLookup;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Industry;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The pharmacy visit procedure (docs/product.md §13), carried by {@code processes/pharmacy-visit.bpmn}: one run per PHARMACY
 * customer at a time, six steps for the customer's owner, each completed only with the evidence
 * {@code rules/pharmacy-visit-evidence.dmn} asks for — an activity of the customer recorded since the step opened, with
 * the attachment named there — and a step open too long warns the owner and goes on the region manager's board.
 */
@Service
class PharmacyVisits {

    static final String PROCESS_KEY = "pharmacy-visit";
    private static final DateTimeFormatter SHANGHAI_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final CustomerLookup customers;
    private final ActiveRuleSet rules;
    private final JdbcClient jdbc;
    private final RuntimeService runtime;
    private final SalesTeam team;
    private final Notifications notifications;

    PharmacyVisits(CustomerLookup customers, ActiveRuleSet rules, JdbcClient jdbc, RuntimeService runtime, SalesTeam team, Notifications notifications) {
        this.customers = customers;
        this.rules = rules;
        this.jdbc = jdbc;
        this.runtime = runtime;
        this.team = team;
        this.notifications = notifications;
    }

    /**
     * Starts the procedure for a PHARMACY customer: its owner, its region's manager or an administrator (404 when the
     * caller may not see the customer, 403 when they may only read it, 422 for another industry, 409 while one runs).
     */
    @Transactional
    StartedVisit start(long customerId, Authentication caller) {
        if (!customers.overview(customerId, caller).full()) {
            throw new ForbiddenException("A pharmacy visit of customer " + customerId + " is started by its owner, the region's manager or an administrator");
        }
        Map<String, Object> customer = jdbc.sql("select name, account_owner as owner, region, industry from customer where id = ?").param(customerId).query().singleRow();
        if (!Industry.PHARMACY.name().equals(customer.get("industry"))) {
            throw new InvalidRequestException("customerId", "药房拜访只适用于药房客户 The pharmacy visit is for PHARMACY customers; customer " + customerId
                    + " is " + (customer.get("industry") == null ? "of no industry" : customer.get("industry")));
        }
        Optional<Long> running = jdbc.sql("select id from pharmacy_visit where open_customer_id = ?").param(customerId).query(Long.class).optional();
        if (running.isPresent()) {
            throw new ConflictException("Customer " + customerId + " has a pharmacy visit under way: " + businessKey(running.get()),
                    Map.of("visitId", running.get()));
        }
        Instant now = now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into pharmacy_visit (customer_id, open_customer_id, owner, region, started_by, started_at) values (?, ?, ?, ?, ?, ?)")
                .params(customerId, customerId, customer.get("owner"), customer.get("region"), caller.getName(), timestamp(now)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        Map<String, Object> variables = new HashMap<>();
        variables.put("visitId", id);
        variables.put("customerId", customerId);
        variables.put("customerName", customer.get("name"));
        variables.put("owner", customer.get("owner"));
        String processInstanceId = runtime.startProcessInstanceByKey(PROCESS_KEY, businessKey(id), variables).getId();
        return new StartedVisit(id, customerId, (String) customer.get("owner"), businessKey(id), processInstanceId, now);
    }

    static String businessKey(long visitId) {
        return "pharmacy-visit-" + visitId;
    }

    /** A step's task was created: it is recorded as open from now; returns the evidence it needs. */
    @Transactional
    PharmacyVisitEvidence openStep(long visitId, String step, String stepName, String owner) {
        PharmacyVisitEvidence evidence = evidenceFor(step);
        jdbc.sql("insert into pharmacy_visit_step (visit_id, step, step_name, owner, opened_at) values (?, ?, ?, ?, ?)")
                .params(visitId, step, stepName, owner, timestamp(now())).update();
        return evidence;
    }

    private PharmacyVisitEvidence evidenceFor(String step) {
        return rules.decide(PharmacyVisitEvidence.MODEL, ruleSet -> PharmacyVisitEvidence.decide(ruleSet, step));
    }

    /**
     * The step's task is being completed: the evidence is the activity {@code chosenActivityId} when given, else the
     * latest one that qualifies; without one the completion is refused, naming what is missing (Tasklist shows it).
     */
    @Transactional
    void completeStep(long visitId, long customerId, String step, Long chosenActivityId) {
        OpenStep open = jdbc.sql("select id, step_name, opened_at from pharmacy_visit_step where visit_id = ? and step = ? and completed_at is null")
                .params(visitId, step).query((rs, row) -> new OpenStep(rs.getLong("id"), rs.getString("step_name"), instant(rs, "opened_at"))).single();
        PharmacyVisitEvidence evidence = evidenceFor(step);
        Map<String, Object> params = new HashMap<>();
        params.put("customer", customerId);
        params.put("since", timestamp(open.openedAt()));
        params.put("kinds", evidence.activityKinds().stream().map(Enum::name).toList());
        String sql = "select a.id from activity a where a.customer_id = :customer and a.recorded_at >= :since and a.kind in (:kinds)";
        if (chosenActivityId != null) {
            sql += " and a.id = :chosen";
            params.put("chosen", chosenActivityId);
        }
        if (evidence.attachment().condition != null) {
            sql += " and exists (select 1 from activity_attachment t where t.activity_id = a.id and " + evidence.attachment().condition + ")";
        }
        Optional<Long> found = jdbc.sql(sql + " order by a.recorded_at desc, a.id desc").params(params).query(Long.class).list().stream().findFirst();
        if (found.isEmpty()) {
            String missing = "缺少证据 Missing evidence for " + open.stepName() + ": " + evidence.evidence() + ", recorded since "
                    + SHANGHAI_TIME.format(open.openedAt()) + " (Asia/Shanghai)"
                    + (chosenActivityId == null ? "" : "; activity " + chosenActivityId + " is not one");
            throw new InvalidRequestException(chosenActivityId == null ? "evidence" : "evidenceActivityId", missing,
                    Map.of("step", step, "evidenceNeeded", evidence.evidence(), "since", open.openedAt().toString()));
        }
        jdbc.sql("update pharmacy_visit_step set completed_at = ?, evidence_activity_id = ? where id = ?")
                .params(timestamp(now()), found.get(), open.id()).update();
    }

    private record OpenStep(long id, String stepName, Instant openedAt) {
    }

    /** A step open too long: on the region manager's board, and an IM to the owner. Returns whether a step was still open. */
    @Transactional
    boolean warnSlowStep(long visitId) {
        Optional<BoardItem> open = jdbc.sql("select " + BoardItem.COLUMNS + BoardItem.FROM + " where s.visit_id = ? and s.completed_at is null")
                .param(visitId).query(BoardItem::of).optional();
        if (open.isEmpty()) {
            return false;
        }
        BoardItem step = open.get();
        String manager = step.region() == null ? "admin" : team.managerOf(Region.valueOf(step.region())).orElse("admin");
        jdbc.sql("update pharmacy_visit_step set warned_at = ?, manager = ? where id = ?").params(timestamp(now()), manager, step.id()).update();
        notifications.send(new Notification(Channel.IM, step.owner(), "药房拜访步骤超时 Pharmacy visit step overdue: " + step.customerName(),
                step.stepName() + " — open since " + SHANGHAI_TIME.format(step.openedAt()) + " (Asia/Shanghai), more than 72 hours; it is on "
                        + manager + "'s board", "customer:" + step.customerId(), "pharmacy-visit-step:" + step.id() + ":warned"));
        return true;
    }

    /** The last step is done: the customer may start another visit. */
    @Transactional
    void close(long visitId) {
        jdbc.sql("update pharmacy_visit set ended_at = ?, open_customer_id = null where id = ?").params(timestamp(now()), visitId).update();
    }

    /** Steps open more than 72 hours and still open, oldest first: administrators all, managers their regions', reps their own. */
    List<BoardItem> board(CurrentUser user) {
        BoardScope scope = BoardScope.of(user, team, "v.region", "s.owner");
        return jdbc.sql("select " + BoardItem.COLUMNS + BoardItem.FROM + " where s.warned_at is not null and s.completed_at is null" + scope.condition()
                + " order by s.warned_at, s.id").params(scope.params()).query(BoardItem::of).list();
    }

    /** A started visit as the API answers it. */
    record StartedVisit(long id, long customerId, String owner, String businessKey, String processInstanceId, Instant startedAt) {
    }

    /** An open step as the board shows it. */
    record BoardItem(long id, long visitId, long customerId, String customerName, String step, String stepName, String owner, String region,
                     Instant openedAt, Instant warnedAt, String manager) {

        static final String COLUMNS = "s.id, s.visit_id, v.customer_id, c.name, s.step, s.step_name, s.owner, v.region, s.opened_at, s.warned_at, s.manager";
        static final String FROM = " from pharmacy_visit_step s join pharmacy_visit v on v.id = s.visit_id join customer c on c.id = v.customer_id";

        static BoardItem of(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
            return new BoardItem(rs.getLong("id"), rs.getLong("visit_id"), rs.getLong("customer_id"), rs.getString("name"), rs.getString("step"),
                    rs.getString("step_name"), rs.getString("owner"), rs.getString("region"), instant(rs, "opened_at"), instant(rs, "warned_at"),
                    rs.getString("manager"));
        }
    }
}
