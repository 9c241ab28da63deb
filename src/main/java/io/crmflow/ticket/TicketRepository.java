package io.crmflow.ticket;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Tickets, their SLA clocks, conversation and timeline. */
@Repository
class TicketRepository {

    private static final String COLUMNS = "id, customer_id, severity, channel, subject, description, priority, status, support_level, "
            + "assignee, breached, reopen_count, answered_by_article, resolution, resolved_at, closed_at, csat, rule_set_version, "
            + "process_instance_id, created_by, created_at";

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ------------------------------------------------------------------------------------------ tickets

    long insert(NewTicket request, Priority priority, SupportLevel level, TicketStatus status, Long article, String ruleSetVersion,
                String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into ticket (customer_id, severity, channel, subject, description, priority, status, support_level,
                                            answered_by_article, rule_set_version, created_by, created_at, updated_at)
                        values (:customer, :severity, :channel, :subject, :description, :priority, :status, :level,
                                :article, :version, :actor, :now, :now)
                        """)
                .param("customer", request.customerId())
                .param("severity", request.severity().name())
                .param("channel", request.channel().name())
                .param("subject", request.subject().strip())
                .param("description", request.description().strip())
                .param("priority", priority.name())
                .param("status", status.name())
                .param("level", level.name())
                .param("article", article)
                .param("version", ruleSetVersion)
                .param("actor", actor)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Ticket> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = ?").param(id).query(TicketRepository::ticket).optional();
    }

    /** Locks the ticket row: two calls changing the same ticket at once are serialized, the later one sees the first's result. */
    Optional<Ticket> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from ticket where id = ? for update").param(id).query(TicketRepository::ticket).optional();
    }

    /** Newest first; {@code customerIds} null: of any customer. */
    List<Ticket> list(TicketStatus status, Long customerId, java.util.Collection<Long> customerIds, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from ticket where 1 = 1");
        if (status != null) {
            sql.append(" and status = :status");
        }
        if (customerId != null) {
            sql.append(" and customer_id = :customer");
        }
        if (customerIds != null) {
            sql.append(customerIds.isEmpty() ? " and 1 = 0" : " and customer_id in (:customers)");
        }
        sql.append(" order by id desc offset :offset rows fetch next :limit rows only");
        JdbcClient.StatementSpec statement = jdbc.sql(sql.toString()).param("offset", offset).param("limit", limit);
        if (status != null) {
            statement = statement.param("status", status.name());
        }
        if (customerId != null) {
            statement = statement.param("customer", customerId);
        }
        if (customerIds != null && !customerIds.isEmpty()) {
            statement = statement.param("customers", customerIds);
        }
        return statement.query(TicketRepository::ticket).list();
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update ticket set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void updateState(long id, TicketStatus status, SupportLevel level, Instant now) {
        jdbc.sql("update ticket set status = ?, support_level = ?, updated_at = ? where id = ?")
                .params(status.name(), level.name(), timestamp(now), id).update();
    }

    void assign(long id, String assignee, Instant now) {
        jdbc.sql("update ticket set assignee = ?, updated_at = ? where id = ?").params(assignee, timestamp(now), id).update();
    }

    void markBreached(long id, Instant now) {
        jdbc.sql("update ticket set breached = true, updated_at = ? where id = ?").params(timestamp(now), id).update();
    }

    void resolve(long id, String resolution, Instant now) {
        jdbc.sql("update ticket set status = ?, resolution = ?, resolved_at = ?, closed_at = null, updated_at = ? where id = ?")
                .params(TicketStatus.RESOLVED.name(), resolution, timestamp(now), timestamp(now), id).update();
    }

    void close(long id, Integer csat, Instant now) {
        jdbc.sql("update ticket set status = ?, closed_at = ?, csat = coalesce(?, csat), updated_at = ? where id = ?")
                .params(TicketStatus.CLOSED.name(), timestamp(now), csat, timestamp(now), id).update();
    }

    void reopen(long id, Instant now) {
        jdbc.sql("""
                        update ticket set status = ?, support_level = ?, reopen_count = reopen_count + 1, resolution = null,
                               resolved_at = null, closed_at = null, updated_at = ?
                        where id = ?
                        """)
                .params(TicketStatus.OPEN.name(), SupportLevel.L2.name(), timestamp(now), id).update();
    }

    void rate(long id, int csat, Instant now) {
        jdbc.sql("update ticket set csat = ?, updated_at = ? where id = ?").params(csat, timestamp(now), id).update();
    }

    private static Ticket ticket(ResultSet rs, int row) throws SQLException {
        long article = rs.getLong("answered_by_article");
        Long answeredBy = rs.wasNull() ? null : article;
        int csat = rs.getInt("csat");
        Integer rating = rs.wasNull() ? null : csat;
        return new Ticket(rs.getLong("id"), rs.getLong("customer_id"), Severity.valueOf(rs.getString("severity")),
                TicketChannel.valueOf(rs.getString("channel")), rs.getString("subject"), rs.getString("description"),
                Priority.valueOf(rs.getString("priority")), TicketStatus.valueOf(rs.getString("status")),
                SupportLevel.valueOf(rs.getString("support_level")), rs.getString("assignee"), rs.getBoolean("breached"),
                rs.getInt("reopen_count"), answeredBy, rs.getString("resolution"), instant(rs, "resolved_at"), instant(rs, "closed_at"),
                rating, rs.getString("rule_set_version"), rs.getString("process_instance_id"), rs.getString("created_by"),
                instant(rs, "created_at"));
    }

    // ------------------------------------------------------------------------------------------ SLA clocks

    /** Starts a clock, or restarts it from scratch (a reopened ticket's resolution clock). */
    void startClock(long ticketId, ClockKind kind, SlaTargets targets, Instant start, Instant due, Instant warnAt) {
        jdbc.sql("delete from ticket_sla_clock where ticket_id = ? and clock = ?").params(ticketId, kind.name()).update();
        jdbc.sql("""
                        insert into ticket_sla_clock (ticket_id, clock, target_minutes, round_the_clock, warning_percent, started_at,
                                                      due_at, warn_at, state)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(ticketId, kind.name(), targets.target(kind).toMinutes(), targets.roundTheClock(), targets.warningPercent(),
                        timestamp(start), timestamp(due), timestamp(warnAt), ClockState.RUNNING.name())
                .update();
    }

    SlaClock clock(long ticketId, ClockKind kind) {
        return jdbc.sql("select * from ticket_sla_clock where ticket_id = ? and clock = ?").params(ticketId, kind.name())
                .query(TicketRepository::clock).single();
    }

    List<SlaClock> clocks(long ticketId) {
        return jdbc.sql("select * from ticket_sla_clock where ticket_id = ? order by clock").param(ticketId).query(TicketRepository::clock).list();
    }

    void pauseClock(long ticketId, ClockKind kind, Instant since) {
        jdbc.sql("update ticket_sla_clock set state = ?, paused_since = ? where ticket_id = ? and clock = ?")
                .params(ClockState.PAUSED.name(), timestamp(since), ticketId, kind.name()).update();
    }

    /** Ends a pause: the paused business time is added, and due and warning instants move accordingly. */
    void resumeClock(long ticketId, ClockKind kind, Duration paused, Instant due, Instant warnAt) {
        jdbc.sql("""
                        update ticket_sla_clock set state = ?, paused_since = null, paused_seconds = ?, due_at = ?, warn_at = ?
                        where ticket_id = ? and clock = ?
                        """)
                .params(ClockState.RUNNING.name(), paused.toSeconds(), timestamp(due), timestamp(warnAt), ticketId, kind.name()).update();
    }

    void endClock(long ticketId, ClockKind kind, ClockState state, Duration paused, Instant at) {
        jdbc.sql("update ticket_sla_clock set state = ?, paused_since = null, paused_seconds = ?, ended_at = ? where ticket_id = ? and clock = ?")
                .params(state.name(), paused.toSeconds(), timestamp(at), ticketId, kind.name()).update();
    }

    void breachClock(long ticketId, ClockKind kind) {
        jdbc.sql("update ticket_sla_clock set state = ? where ticket_id = ? and clock = ?")
                .params(ClockState.BREACHED.name(), ticketId, kind.name()).update();
    }

    void markWarned(long ticketId, ClockKind kind) {
        jdbc.sql("update ticket_sla_clock set warned = true where ticket_id = ? and clock = ?").params(ticketId, kind.name()).update();
    }

    private static SlaClock clock(ResultSet rs, int row) throws SQLException {
        return new SlaClock(rs.getLong("ticket_id"), ClockKind.valueOf(rs.getString("clock")), Duration.ofMinutes(rs.getInt("target_minutes")),
                rs.getBoolean("round_the_clock"), rs.getInt("warning_percent"), instant(rs, "started_at"),
                Duration.ofSeconds(rs.getLong("paused_seconds")), instant(rs, "paused_since"), instant(rs, "due_at"), instant(rs, "warn_at"),
                rs.getBoolean("warned"), ClockState.valueOf(rs.getString("state")), instant(rs, "ended_at"));
    }

    // ------------------------------------------------------------------------------------------ conversation and timeline

    void addMessage(long ticketId, String authorKind, String author, String body, Instant at) {
        jdbc.sql("insert into ticket_message (ticket_id, author_kind, author, body, created_at) values (?, ?, ?, ?, ?)")
                .params(ticketId, authorKind, author, body, timestamp(at)).update();
    }

    List<TicketMessage> messages(long ticketId) {
        return jdbc.sql("select id, author_kind, author, body, created_at from ticket_message where ticket_id = ? order by id")
                .param(ticketId)
                .query((rs, row) -> new TicketMessage(rs.getLong("id"), rs.getString("author_kind"), rs.getString("author"),
                        rs.getString("body"), instant(rs, "created_at")))
                .list();
    }

    void recordEvent(long ticketId, String type, String detail, String actor, Instant at) {
        jdbc.sql("insert into ticket_event (ticket_id, type, detail, actor, occurred_at) values (?, ?, ?, ?, ?)")
                .params(ticketId, type, detail, actor, timestamp(at)).update();
    }

    List<TicketEvent> events(long ticketId) {
        return jdbc.sql("select id, type, detail, actor, occurred_at from ticket_event where ticket_id = ? order by id")
                .param(ticketId)
                .query((rs, row) -> new TicketEvent(rs.getLong("id"), rs.getString("type"), rs.getString("detail"),
                        rs.getString("actor"), instant(rs, "occurred_at")))
                .list();
    }
}
