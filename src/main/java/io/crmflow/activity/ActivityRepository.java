package io.crmflow.activity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Activities and their attachments; the attachment bytes are read only when one is downloaded. */
@Repository
class ActivityRepository {

    private static final String COLUMNS = "id, customer_id, contact_id, opportunity_id, kind, occurred_at, minutes, note, late, recorded_by, "
            + "recorded_at, updated_at";
    private static final String ATTACHMENT_COLUMNS = "id, activity_id, file_name, content_type, size_bytes, sha256";

    private final JdbcClient jdbc;

    ActivityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long customerId, NewActivity activity, boolean late, String actor, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into activity (customer_id, contact_id, opportunity_id, kind, occurred_at, minutes, note, late, recorded_by,
                                              recorded_at, updated_at)
                        values (:customer, :contact, :opportunity, :kind, :occurred, :minutes, :note, :late, :actor, :now, :now)""")
                .param("customer", customerId)
                .params(fields(activity, late))
                .param("actor", actor)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void update(long id, NewActivity activity, boolean late, Instant now) {
        jdbc.sql("""
                        update activity set contact_id = :contact, opportunity_id = :opportunity, kind = :kind, occurred_at = :occurred,
                                            minutes = :minutes, note = :note, late = :late, updated_at = :now where id = :id""")
                .params(fields(activity, late)).param("now", timestamp(now)).param("id", id).update();
    }

    private static Map<String, Object> fields(NewActivity activity, boolean late) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("contact", activity.contactId());
        fields.put("opportunity", activity.opportunityId());
        fields.put("kind", activity.kind().name());
        fields.put("occurred", timestamp(activity.occurredAt()));
        fields.put("minutes", activity.minutes());
        fields.put("note", activity.note() == null || activity.note().isBlank() ? null : activity.note().strip());
        fields.put("late", late);
        return fields;
    }

    long insertAttachment(long activityId, AttachmentInspector.Accepted file, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into activity_attachment (activity_id, file_name, content_type, size_bytes, sha256, content, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(activityId, file.fileName(), file.contentType(), file.content().length, sha256(file.content()), file.content(),
                        timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Activity> find(long customerId, long id) {
        return jdbc.sql("select " + COLUMNS + " from activity where customer_id = ? and id = ?").params(customerId, id)
                .query(ActivityRepository::activity).optional().map(activity -> activity.withAttachments(attachments(activity)));
    }

    Optional<Long> customerOf(long id) {
        return jdbc.sql("select customer_id from activity where id = ?").param(id).query(Long.class).optional();
    }

    /** The customer's activities, latest first, with their attachments (two queries, not one per activity). */
    List<Activity> list(long customerId, int limit) {
        List<Activity> activities = jdbc.sql("select " + COLUMNS + " from activity where customer_id = ? order by occurred_at desc, id desc limit ?")
                .params(customerId, limit).query(ActivityRepository::activity).list();
        Map<Long, List<Activity.AttachmentInfo>> files = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.activity_id, a.file_name, a.content_type, a.size_bytes, a.sha256
                        from activity_attachment a join activity v on v.id = a.activity_id where v.customer_id = ? order by a.id""")
                .param(customerId)
                .query((rs, n) -> Map.entry(rs.getLong("activity_id"), attachment(rs, customerId)))
                .list()
                .forEach(file -> files.computeIfAbsent(file.getKey(), id -> new java.util.ArrayList<>()).add(file.getValue()));
        return activities.stream().map(activity -> activity.withAttachments(files.getOrDefault(activity.id(), List.of()))).toList();
    }

    private List<Activity.AttachmentInfo> attachments(Activity activity) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from activity_attachment where activity_id = ? order by id").param(activity.id())
                .query((rs, n) -> attachment(rs, activity.customerId())).list();
    }

    /** The stored file, when it belongs to that activity. */
    Optional<StoredFile> file(long activityId, long attachmentId) {
        return jdbc.sql("select file_name, content_type, content from activity_attachment where activity_id = ? and id = ?")
                .params(activityId, attachmentId)
                .query((rs, n) -> new StoredFile(rs.getString("file_name"), rs.getString("content_type"), rs.getBytes("content")))
                .optional();
    }

    /** An attachment's bytes as stored, and the name and type it is served with. */
    record StoredFile(String fileName, String contentType, byte[] content) {
    }

    private static Activity activity(ResultSet rs, int row) throws SQLException {
        ActivityKind kind = ActivityKind.valueOf(rs.getString("kind"));
        long contact = rs.getLong("contact_id");
        Long contactId = rs.wasNull() ? null : contact;
        long opportunity = rs.getLong("opportunity_id");
        Long opportunityId = rs.wasNull() ? null : opportunity;
        int minutes = rs.getInt("minutes");
        Integer minutesOrNull = rs.wasNull() ? null : minutes;
        return new Activity(rs.getLong("id"), rs.getLong("customer_id"), contactId, opportunityId, kind, kind.label(),
                instant(rs, "occurred_at"), minutesOrNull, rs.getString("note"), rs.getBoolean("late"), rs.getString("recorded_by"),
                instant(rs, "recorded_at"), instant(rs, "updated_at"), List.of());
    }

    private static Activity.AttachmentInfo attachment(ResultSet rs, long customerId) throws SQLException {
        long activityId = rs.getLong("activity_id");
        long id = rs.getLong("id");
        return new Activity.AttachmentInfo(id, rs.getString("file_name"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), "/api/customers/" + customerId + "/activities/" + activityId + "/attachments/" + id);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java runtime has SHA-256", impossible);
        }
    }
}
