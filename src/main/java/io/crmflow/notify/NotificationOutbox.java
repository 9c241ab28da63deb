package io.crmflow.notify;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NotificationOutbox {

    static final String PENDING = OutboxStatus.PENDING.name();
    static final String SENT = OutboxStatus.SENT.name();
    static final String FAILED = OutboxStatus.FAILED.name();

    private static final String COLUMNS = "id, channel, recipient, subject, body, reference, status, attempts, next_attempt_at, "
            + "last_error, created_at, sent_at";

    private final JdbcClient jdbc;

    NotificationOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the message unless one with the same idempotency key exists; true when added. */
    boolean add(Notification notification, Instant now) {
        if (notification.idempotencyKey() != null && jdbc.sql("select count(*) from notification_outbox where idempotency_key = ?")
                .param(notification.idempotencyKey()).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("insert into notification_outbox (channel, recipient, subject, body, reference, idempotency_key, status,"
                        + " next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(notification.channel().name(), notification.recipient(), truncate(notification.subject(), 300),
                        truncate(notification.body(), 4000), notification.reference(), notification.idempotencyKey(), PENDING,
                        timestamp(now), timestamp(now))
                .update() == 1;
    }

    /** Due messages of {@code channels}: those of a channel not configured here wait until it is. */
    List<Long> due(Instant now, int limit, Set<Channel> channels) {
        if (channels.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select id from notification_outbox where status = :pending and next_attempt_at <= :now and channel in (:channels)"
                        + " and (claimed_until is null or claimed_until < :now) order by next_attempt_at, id fetch first " + limit + " rows only")
                .param("pending", PENDING).param("now", timestamp(now)).param("channels", channels.stream().map(Channel::name).toList())
                .query(Long.class).list();
    }

    /** Newest first; {@code status} null = all. */
    List<OutboxMessage> list(String status, int limit, int offset) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox" + (status == null ? "" : " where status = :status")
                        + " order by id desc offset :offset rows fetch next :limit rows only")
                .params(status == null ? Map.of("offset", offset, "limit", limit) : Map.of("status", status, "offset", offset, "limit", limit))
                .query(NotificationOutbox::map).list();
    }

    /** Counts per status, for the outbox page's tabs. */
    Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>(Map.of(PENDING, 0L, SENT, 0L, FAILED, 0L));
        jdbc.sql("select status, count(*) as n from notification_outbox group by status")
                .query((rs, row) -> counts.put(rs.getString("status"), rs.getLong("n"))).list();
        return counts;
    }

    /** A message not yet sent becomes due now, for one more attempt; false when there is none or it was sent. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("update notification_outbox set status = ?, next_attempt_at = ?, claimed_until = null where id = ? and status <> ?")
                .params(PENDING, timestamp(now), id, SENT).update() == 1;
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from notification_outbox where id = ?").param(id).query(Long.class).single() > 0;
    }

    /** Takes the message for this node until {@code until}; false when another node has it. */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("update notification_outbox set claimed_by = ?, claimed_until = ? where id = ? and status = ?"
                        + " and (claimed_until is null or claimed_until < ?)")
                .params(node, timestamp(until), id, PENDING, timestamp(now)).update() == 1;
    }

    OutboxMessage get(long id) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where id = ?").param(id).query(NotificationOutbox::map).single();
    }

    void markSent(long id, Instant now) {
        jdbc.sql("update notification_outbox set status = ?, attempts = attempts + 1, sent_at = ?, claimed_until = null, last_error = null"
                + " where id = ?").params(SENT, timestamp(now), id).update();
    }

    void markFailedAttempt(long id, String error, Instant nextAttempt, boolean giveUp) {
        jdbc.sql("update notification_outbox set status = ?, attempts = attempts + 1, next_attempt_at = ?, claimed_until = null,"
                        + " last_error = ? where id = ?")
                .params(giveUp ? FAILED : PENDING, timestamp(nextAttempt), truncate(error, 1000), id).update();
    }

    List<OutboxMessage> byReference(String reference) {
        return jdbc.sql("select " + COLUMNS + " from notification_outbox where reference = ? order by id")
                .param(reference).query(NotificationOutbox::map).list();
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        return new OutboxMessage(rs.getLong("id"), Channel.valueOf(rs.getString("channel")), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("body"), rs.getString("reference"), rs.getString("status"),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"));
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
