package io.crmflow.team;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.process.EngineClock;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import io.crmflow.web.NotFoundException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Out of office and approval delegation (docs/product.md §14): who is away when, who stands in for them, and where a task
 * meant for them goes instead. Periods are whole days in the business calendar's zone; the engine's clock says which day
 * it is, so process tests move both together.
 */
@Service
public class StandIns {

    /** The groups whose members approve quotes and contracts, and so may name an approval deputy. */
    private static final Set<CrmflowGroup> APPROVERS = EnumSet.of(CrmflowGroup.SALES_MANAGER, CrmflowGroup.FINANCE, CrmflowGroup.LEGAL,
            CrmflowGroup.GM);
    private static final String COLUMNS = "id, kind, user_id, deputy, starts_on, ends_on, created_by, created_at, cancelled_by, cancelled_at";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final SalesTeam team;
    private final IdentityService identity;
    private final BusinessCalendars calendars;
    private final OpenTaskRerouting openTasks;

    StandIns(JdbcClient jdbc, AuditTrail audit, SalesTeam team, IdentityService identity, BusinessCalendars calendars,
             OpenTaskRerouting openTasks) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.team = team;
        this.identity = identity;
        this.calendars = calendars;
        this.openTasks = openTasks;
    }

    /** Today in the business calendar's zone, by the engine's clock. */
    public LocalDate today() {
        return LocalDate.ofInstant(EngineClock.now(), calendars.current().zone());
    }

    /**
     * Records a period for {@code userId}; a period that has begun re-routes the person's open tasks at once. Refused with
     * 422 naming the field: a period ending before it starts or already over, an overlap with another period of the same
     * kind, a deputy who does not exist, is the person, is away themselves, or (out of office) shares no group with them.
     */
    @Transactional
    public StandIn record(StandInKind kind, String userId, LocalDate from, LocalDate to, String deputy, CurrentUser actor) {
        requireMayManage(kind, userId, actor);
        validate(kind, userId, from, to, deputy);
        Instant now = EngineClock.now();
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into stand_in (kind, user_id, deputy, starts_on, ends_on, created_by, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(kind.name(), userId, deputy, from, to, actor.userId(), Timestamp.from(now)).update(keys, "id");
        long id = keys.getKey().longValue();
        StandIn saved = byId(userId, kind, id);
        audit.record(actor.userId(), List.of(FieldChange.of("stand_in", saved.id(), kind.name().toLowerCase(), null, describe(saved))));
        beginDuePeriods();
        return saved;
    }

    /**
     * Periods whose first day has come send the person's open tasks to the deputy, once each: right when a period that has
     * begun is recorded, and for periods recorded in advance on their first day ({@link StandInScheduler}).
     */
    @Transactional
    public void beginDuePeriods() {
        LocalDate today = today();
        List<StandIn> due = jdbc.sql("select " + COLUMNS + " from stand_in where cancelled_at is null and rerouted_at is null "
                + "and starts_on <= ? and ends_on >= ? order by id").params(today, today).query(StandIns::standIn).list();
        for (StandIn standIn : due) {
            // Whoever marks the period first reroutes; a second node running the same sweep finds it taken.
            if (jdbc.sql("update stand_in set rerouted_at = ? where id = ? and rerouted_at is null")
                    .params(Timestamp.from(EngineClock.now()), standIn.id()).update() == 1) {
                openTasks.reroute(standIn.userId());
            }
        }
    }

    /** Ends a period early (or withdraws one not begun). Tasks already re-routed stay where they are: returning changes nothing back. */
    @Transactional
    public StandIn cancel(StandInKind kind, String userId, long id, CurrentUser actor) {
        requireMayManage(kind, userId, actor);
        StandIn standIn = byId(userId, kind, id);
        if (standIn.cancelled()) {
            return standIn;
        }
        jdbc.sql("update stand_in set cancelled_by = ?, cancelled_at = ? where id = ?").params(actor.userId(), Timestamp.from(EngineClock.now()), id)
                .update();
        audit.record(actor.userId(), List.of(FieldChange.of("stand_in", id, "cancelled", null, describe(standIn))));
        return byId(userId, kind, id);
    }

    private StandIn byId(String userId, StandInKind kind, long id) {
        return find(userId, kind).stream().filter(s -> s.id() == id).findFirst()
                .orElseThrow(() -> new NotFoundException("No " + label(kind) + " " + id + " of " + userId));
    }

    /** Every period of the person of this kind, cancelled ones included, latest first. */
    @Transactional(readOnly = true)
    public List<StandIn> list(StandInKind kind, String userId) {
        return find(userId, kind);
    }

    /** Who is out of office today: the assignment rules treat them as unavailable. */
    @Transactional(readOnly = true)
    public Set<String> absentToday() {
        return current().stream().filter(s -> s.kind() == StandInKind.ABSENCE).map(StandIn::userId).collect(Collectors.toSet());
    }

    /** The periods in force today, with the regions they concern (a rep's regions, a manager's; none for company-wide roles). */
    @Transactional(readOnly = true)
    public List<CurrentStandIn> currentWithRegions() {
        Map<String, SalesRep> reps = team.allReps().stream().collect(Collectors.toMap(SalesRep::userId, rep -> rep));
        return current().stream().map(s -> new CurrentStandIn(s, reps.containsKey(s.userId()) ? reps.get(s.userId()).regions()
                : team.regionsManagedBy(s.userId()))).toList();
    }

    /** A period in force today and the regions it concerns, for the dashboard. */
    public record CurrentStandIn(StandIn standIn, Set<Region> regions) {
    }

    /**
     * Who takes a task meant for {@code userId} today: for an approval task their approval deputy first; then, if they are
     * out of office, their deputy or else their manager. Empty when they are here (or nobody could stand in).
     */
    Optional<String> standInFor(String userId, boolean approval) {
        LocalDate today = today();
        List<StandIn> periods = find(userId, null).stream().filter(s -> s.covers(today)).toList();
        Optional<String> delegate = periods.stream().filter(s -> approval && s.kind() == StandInKind.APPROVALS).map(StandIn::deputy).findFirst();
        if (delegate.isPresent()) {
            return delegate;
        }
        return periods.stream().filter(s -> s.kind() == StandInKind.ABSENCE).findFirst()
                .flatMap(absence -> Optional.ofNullable(absence.deputy()).or(() -> managerOf(userId)));
    }

    /**
     * Whom {@code decider} decided for, when they completed the task as someone's stand-in; read (once) by the step that
     * records a decision, which then names both: "approved by X for Y". Nobody approves their own record as a deputy: 403.
     */
    public static Optional<String> decidedFor(VariableScope process, String decider) {
        Object forWhom = process.getVariable(StandInTaskRouting.STANDING_IN + decider);
        process.getVariableNames().stream().filter(name -> name.startsWith(StandInTaskRouting.STANDING_IN)).toList()
                .forEach(process::removeVariable);
        if (forWhom != null && decider.equals(process.getVariable(StandInTaskRouting.OWNER))) {
            throw new ForbiddenException(decider + " cannot approve their own record as deputy for " + forWhom);
        }
        return Optional.ofNullable(forWhom).map(Object::toString);
    }

    /** Whether an open task is offered to {@code userId} by name (as a deputy is): they may decide it as its assignee would. */
    public static boolean offeredTo(TaskService tasks, Task task, String userId) {
        return (task.getAssignee() == null || task.getAssignee().equals(userId)) && tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && userId.equals(link.getUserId()));
    }

    private List<StandIn> current() {
        LocalDate today = today();
        return jdbc.sql("select " + COLUMNS + " from stand_in where cancelled_at is null and starts_on <= ? and ends_on >= ? order by user_id, kind")
                .params(today, today).query(StandIns::standIn).list();
    }

    private List<StandIn> find(String userId, StandInKind kind) {
        return jdbc.sql("select " + COLUMNS + " from stand_in where user_id = ?" + (kind == null ? "" : " and kind = '" + kind.name() + "'")
                + " order by starts_on desc, id desc").param(userId).query(StandIns::standIn).list();
    }

    /** A rep's manager: the manager of their (first) region who is not the rep themselves. */
    private Optional<String> managerOf(String userId) {
        return team.allReps().stream().filter(rep -> rep.userId().equals(userId)).findFirst().stream()
                .flatMap(rep -> rep.regions().stream().sorted()).map(team::managerOf).flatMap(Optional::stream)
                .filter(manager -> !manager.equals(userId)).findFirst();
    }

    /** The person themselves, an administrator, or (out of office of a rep) the manager of one of the rep's regions. */
    private void requireMayManage(StandInKind kind, String userId, CurrentUser actor) {
        if (actor.userId().equals(userId) || actor.isAdmin()) {
            return;
        }
        boolean theirManager = kind == StandInKind.ABSENCE && team.allReps().stream().filter(rep -> rep.userId().equals(userId))
                .anyMatch(rep -> rep.regions().stream().anyMatch(team.regionsManagedBy(actor)::contains));
        if (!theirManager) {
            throw new ForbiddenException(kind == StandInKind.ABSENCE ? "Only " + userId + ", their manager or an administrator may record "
                    + userId + "'s absences" : "Only " + userId + " or an administrator may delegate " + userId + "'s approvals");
        }
    }

    private void validate(StandInKind kind, String userId, LocalDate from, LocalDate to, String deputy) {
        if (to.isBefore(from)) {
            throw new InvalidRequestException("to", "The period ends (" + to + ") before it starts (" + from + ")");
        }
        if (to.isBefore(today())) {
            throw new InvalidRequestException("to", "The period ended on " + to + ", before today (" + today() + ")");
        }
        Set<String> groups = groupsOf(userId);
        if (groups.isEmpty()) {
            throw new InvalidRequestException("userId", "There is no user '" + userId + "' in any crmflow group");
        }
        if (kind == StandInKind.APPROVALS && APPROVERS.stream().map(CrmflowGroup::id).noneMatch(groups::contains)) {
            throw new InvalidRequestException("userId", userId + " approves nothing: only sales managers, finance, legal and GM delegate approvals");
        }
        find(userId, kind).stream().filter(other -> other.overlaps(from, to)).findFirst().ifPresent(other -> {
            throw new InvalidRequestException("from", "Overlaps " + userId + "'s " + label(kind) + " " + other.period() + " (#" + other.id() + ")");
        });
        if (deputy == null) {
            if (kind == StandInKind.APPROVALS) {
                throw new InvalidRequestException("deputy", "An approval delegation needs a deputy");
            }
            return;
        }
        if (deputy.equals(userId)) {
            throw new InvalidRequestException("deputy", userId + " cannot stand in for themselves");
        }
        Set<String> deputyGroups = groupsOf(deputy);
        if (identity.createUserQuery().userId(deputy).count() == 0) {
            throw new InvalidRequestException("deputy", "There is no user '" + deputy + "'");
        }
        if (kind == StandInKind.ABSENCE && deputyGroups.stream().noneMatch(groups::contains)) {
            throw new InvalidRequestException("deputy", deputy + " is outside " + userId + "'s group (" + String.join(", ", groups.stream().sorted().toList())
                    + "): a deputy does the same work");
        }
        find(deputy, StandInKind.ABSENCE).stream().filter(away -> away.overlaps(from, to)).findFirst().ifPresent(away -> {
            throw new InvalidRequestException("deputy", deputy + " is out of office " + away.period() + " too");
        });
    }

    /** The person's crmflow groups other than the administrators' (everyone shares nothing through that one). */
    private Set<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(id -> !id.equals(CrmflowGroup.CAMUNDA_ADMIN.id()))
                .filter(id -> EnumSet.allOf(CrmflowGroup.class).stream().anyMatch(group -> group.id().equals(id)))
                .collect(Collectors.toSet());
    }

    private static String label(StandInKind kind) {
        return kind == StandInKind.ABSENCE ? "absence" : "approval delegation";
    }

    private static String describe(StandIn standIn) {
        Map<String, Object> what = new LinkedHashMap<>();
        what.put("user", standIn.userId());
        what.put("period", standIn.period());
        what.put("deputy", standIn.deputy() == null ? "(manager)" : standIn.deputy());
        return what.toString();
    }

    private static StandIn standIn(ResultSet rs, int row) throws SQLException {
        Timestamp cancelledAt = rs.getTimestamp("cancelled_at");
        return new StandIn(rs.getLong("id"), StandInKind.valueOf(rs.getString("kind")), rs.getString("user_id"), rs.getString("deputy"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("cancelled_by"), cancelledAt == null ? null : cancelledAt.toInstant());
    }
}
