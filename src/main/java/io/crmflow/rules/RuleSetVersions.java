package io.crmflow.rules;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.crmflow.rules.RuleSetAuditEntry.Action;
import io.crmflow.rules.RuleSetVersion.Status;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * The stored rule-set versions, their files and the append-only audit trail. Callers hold the transaction: a status
 * change and its audit entry are written together.
 */
@Repository
class RuleSetVersions {

    private static final String AUDIT_COLUMNS = "a.id, a.action, a.actor, a.occurred_at, a.from_version, f.content_hash as from_hash,"
            + " a.to_version, t.content_hash as to_hash, a.summary, n.note";

    private final JdbcClient jdbc;

    RuleSetVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<RuleSetVersion> find(long id) {
        return versions("where id = ?", id).stream().findFirst();
    }

    Optional<RuleSetVersion> findByHash(String hash) {
        return versions("where content_hash = ?", hash).stream().findFirst();
    }

    Optional<RuleSetVersion> active() {
        return versions("where status = ?", Status.ACTIVE.name()).stream().findFirst();
    }

    /** All versions, newest first. */
    List<RuleSetVersion> all() {
        return versions("");
    }

    List<RuleFile> files(long versionId) {
        return jdbc.sql("select name, content from rule_set_file where version_id = ? order by name").param(versionId)
                .query((rs, row) -> new RuleFile(rs.getString("name"), rs.getBytes("content")))
                .list();
    }

    long insert(String hash, Status status, Long basedOn, Collection<RuleFile> files, String actor, Instant at) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("insert into rule_set_version (content_hash, status, based_on, created_by, created_at) values (?, ?, ?, ?, ?)")
                .params(hash, status.name(), basedOn, actor, timestamp(at))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        for (RuleFile file : files) {
            jdbc.sql("insert into rule_set_file (version_id, name, content) values (?, ?, ?)")
                    .params(id, file.name(), file.content())
                    .update();
        }
        return id;
    }

    /** Makes the version the active one and retires the one that was. */
    void activate(long id, String actor, Instant at) {
        jdbc.sql("update rule_set_version set status = ? where status = ? and id <> ?")
                .params(Status.RETIRED.name(), Status.ACTIVE.name(), id)
                .update();
        jdbc.sql("update rule_set_version set status = ?, activated_by = ?, activated_at = ? where id = ?")
                .params(Status.ACTIVE.name(), actor, timestamp(at), id)
                .update();
    }

    void audit(Action action, String actor, Instant at, Long fromVersion, long toVersion, String summary) {
        jdbc.sql("insert into rule_set_audit (action, actor, occurred_at, from_version, to_version, summary) values (?, ?, ?, ?, ?, ?)")
                .params(action.name(), actor, timestamp(at), fromVersion, toVersion, summary)
                .update();
    }

    /** The audit trail, newest first. */
    List<RuleSetAuditEntry> audit() {
        return jdbc.sql("select " + AUDIT_COLUMNS + " from rule_set_audit a join rule_set_version t on t.id = a.to_version"
                        + " left join rule_set_version f on f.id = a.from_version left join rule_set_audit_note n on n.audit_id = a.id"
                        + " order by a.id desc")
                .query(RuleSetVersions::auditEntry)
                .list();
    }

    /**
     * Notes why {@code actor} just made {@code toVersion} active: on the newest such entry of the audit trail. Only
     * one change of the rule set runs at a time, so that entry is the caller's own.
     */
    void note(Action action, String actor, long toVersion, String note) {
        long entry = jdbc.sql("select max(id) from rule_set_audit where action = ? and actor = ? and to_version = ?")
                .params(action.name(), actor, toVersion)
                .query(Long.class).single();
        jdbc.sql("insert into rule_set_audit_note (audit_id, note) values (?, ?)").params(entry, note).update();
    }

    /**
     * The version that was active before {@code id} became active by activation or deployment. Rollbacks do not count,
     * so rolling back twice goes two steps back instead of toggling between two versions.
     */
    Optional<Long> activeBefore(long id) {
        List<Long> before = jdbc.sql("select from_version from rule_set_audit where to_version = ? and action in (?, ?)"
                        + " order by id desc fetch first 1 rows only")
                .params(id, Action.ACTIVATE.name(), Action.DEPLOY.name())
                .query((rs, row) -> rs.getObject("from_version", Long.class))
                .list();
        // The first deployment has no version before it.
        return before.isEmpty() ? Optional.empty() : Optional.ofNullable(before.get(0));
    }

    /** Content hash of the files last deployed to {@code rules/}, to tell a new deployment from a restart. */
    Optional<String> lastDeployedHash() {
        return jdbc.sql("select v.content_hash from rule_set_audit a join rule_set_version v on v.id = a.to_version"
                        + " where a.action = ? order by a.id desc fetch first 1 rows only")
                .param(Action.DEPLOY.name())
                .query(String.class)
                .optional();
    }

    private List<RuleSetVersion> versions(String where, Object... params) {
        List<VersionRow> rows = jdbc.sql("select * from rule_set_version " + where + " order by id desc").params(params)
                .query((rs, row) -> new VersionRow(rs.getLong("id"), rs.getString("content_hash"), Status.valueOf(rs.getString("status")),
                        rs.getObject("based_on", Long.class), rs.getString("created_by"),
                        instant(rs, "created_at"), rs.getString("activated_by"), instant(rs, "activated_at")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> names = jdbc.sql("select version_id, name from rule_set_file where version_id in (:ids) order by name")
                .param("ids", rows.stream().map(VersionRow::id).toList())
                .query((rs, row) -> Map.entry(rs.getLong("version_id"), rs.getString("name")))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return rows.stream().map(row -> new RuleSetVersion(row.id(), row.hash(), row.status(), row.basedOn(),
                names.getOrDefault(row.id(), List.of()), row.createdBy(), row.createdAt(), row.activatedBy(), row.activatedAt())).toList();
    }

    private static RuleSetAuditEntry auditEntry(ResultSet rs, int row) throws SQLException {
        return new RuleSetAuditEntry(rs.getLong("id"), Action.valueOf(rs.getString("action")), rs.getString("actor"),
                instant(rs, "occurred_at"), rs.getObject("from_version", Long.class), rs.getString("from_hash"),
                rs.getLong("to_version"), rs.getString("to_hash"), rs.getString("summary"), rs.getString("note"));
    }

    private record VersionRow(long id, String hash, Status status, Long basedOn, String createdBy,
                              Instant createdAt, String activatedBy, Instant activatedAt) {
    }
}
