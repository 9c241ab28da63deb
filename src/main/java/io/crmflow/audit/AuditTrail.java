package io.crmflow.audit;

import static io.crmflow.process.EngineClock.now;
import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The append-only audit log (docs/product.md §8). Features record field changes in the transaction that makes them, so a change
 * and its audit entry are committed or rolled back together; unchanged fields are not recorded.
 */
@Service
public class AuditTrail {

    private static final int MAX_VALUE = 2000;

    private final JdbcClient jdbc;
    private final IdentityService identity;

    AuditTrail(JdbcClient jdbc, IdentityService identity) {
        this.jdbc = jdbc;
        this.identity = identity;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, List<FieldChange> changes) {
        record(actor, null, changes);
    }

    /** As {@link #record(String, List)}, saying why (e.g. {@code HANDOVER}) where the change is not the plain edit it looks like. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, String reason, List<FieldChange> changes) {
        Instant now = now();
        for (FieldChange change : changes) {
            if (change.changed()) {
                jdbc.sql("insert into audit_log (occurred_at, actor, entity, entity_id, field, old_value, new_value, reason) values (?, ?, ?, ?, ?, ?, ?, ?)")
                        .params(timestamp(now), actor, change.entity(), change.entityId(), change.field(), bounded(change.oldValue()),
                                bounded(change.newValue()), reason)
                        .update();
            }
        }
    }

    /**
     * The fields of one record that differ between {@code before} (null: the record was just created) and {@code after},
     * each read by its function.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public <T> void recordChanges(String actor, String entity, Object id, T before, T after, Map<String, Function<T, ?>> fields) {
        record(actor, fields.entrySet().stream()
                .map(field -> FieldChange.of(entity, id, field.getKey(), before == null ? null : field.getValue().apply(before),
                        field.getValue().apply(after)))
                .toList());
    }

    /**
     * Who is making the change when the code making it does not know: the API caller, else the user completing a task in
     * Tasklist, else the process itself (a timer, a service task).
     */
    public String currentActor() {
        org.springframework.security.core.Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        // Tasklist's requests reach the engine with Spring's anonymous token; the user is then Camunda's authenticated one.
        if (caller != null && caller.isAuthenticated() && caller.getName() != null
                && !(caller instanceof org.springframework.security.authentication.AnonymousAuthenticationToken)) {
            return caller.getName();
        }
        org.camunda.bpm.engine.impl.identity.Authentication taskUser = identity.getCurrentAuthentication();
        return taskUser != null && taskUser.getUserId() != null ? taskUser.getUserId() : "process";
    }

    @Transactional(readOnly = true)
    List<AuditEntry> find(String entity, String entityId, String actor, int limit, int offset) {
        StringBuilder sql = new StringBuilder("select id, occurred_at, actor, entity, entity_id, field, old_value, new_value, reason from audit_log where 1 = 1");
        JdbcClient.StatementSpec statement;
        if (entity != null) {
            sql.append(" and entity = :entity");
        }
        if (entityId != null) {
            sql.append(" and entity_id = :entityId");
        }
        if (actor != null) {
            sql.append(" and actor = :actor");
        }
        sql.append(" order by id desc offset :offset rows fetch next :limit rows only");
        statement = jdbc.sql(sql.toString()).param("offset", offset).param("limit", limit);
        if (entity != null) {
            statement = statement.param("entity", entity);
        }
        if (entityId != null) {
            statement = statement.param("entityId", entityId);
        }
        if (actor != null) {
            statement = statement.param("actor", actor);
        }
        return statement.query((rs, row) -> new AuditEntry(rs.getLong("id"), instant(rs, "occurred_at"), rs.getString("actor"),
                rs.getString("entity"), rs.getString("entity_id"), rs.getString("field"), rs.getString("old_value"),
                rs.getString("new_value"), rs.getString("reason"))).list();
    }

    private static String bounded(String value) {
        return value == null || value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE - 1) + "…";
    }
}
