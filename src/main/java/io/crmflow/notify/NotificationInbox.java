package io.crmflow.notify;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table behind {@link Inbox}: one row per notification and person. */
@Repository
class NotificationInbox {

    private final JdbcClient jdbc;

    NotificationInbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the message for its recipient unless one with the same idempotency key is there; true when added. */
    boolean add(Notification notification, Instant now) {
        if (notification.idempotencyKey() != null && jdbc.sql("select count(*) from notification_inbox where idempotency_key = ?")
                .param(notification.idempotencyKey()).query(Long.class).single() > 0) {
            return false;
        }
        return jdbc.sql("insert into notification_inbox (recipient, subject, body, reference, idempotency_key, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(notification.recipient(), NotificationOutbox.truncate(notification.subject(), 300),
                        NotificationOutbox.truncate(notification.body(), 4000), notification.reference(), notification.idempotencyKey(),
                        timestamp(now))
                .update() == 1;
    }

    List<InboxMessage> of(String recipient, boolean unreadOnly, int limit, int offset) {
        return jdbc.sql("select id, subject, body, reference, created_at, read_at from notification_inbox where recipient = ?"
                        + (unreadOnly ? " and read_at is null" : "") + " order by created_at desc, id desc offset ? rows fetch next ? rows only")
                .params(recipient, offset, limit).query(NotificationInbox::map).list();
    }

    long unread(String recipient) {
        return jdbc.sql("select count(*) from notification_inbox where recipient = ? and read_at is null").param(recipient).query(Long.class).single();
    }

    /** False when the recipient has no such message. Reading a message twice keeps the first time. */
    boolean markRead(String recipient, long id, Instant now) {
        jdbc.sql("update notification_inbox set read_at = ? where id = ? and recipient = ? and read_at is null")
                .params(timestamp(now), id, recipient).update();
        return jdbc.sql("select count(*) from notification_inbox where id = ? and recipient = ?").params(id, recipient).query(Long.class).single() > 0;
    }

    int markAllRead(String recipient, Instant now) {
        return jdbc.sql("update notification_inbox set read_at = ? where recipient = ? and read_at is null").params(timestamp(now), recipient).update();
    }

    private static InboxMessage map(ResultSet rs, int row) throws SQLException {
        return new InboxMessage(rs.getLong("id"), rs.getString("subject"), rs.getString("body"), rs.getString("reference"),
                instant(rs, "created_at"), instant(rs, "read_at"));
    }
}
