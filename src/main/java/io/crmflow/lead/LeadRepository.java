package io.crmflow.lead;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntSupplier;

import javax.sql.DataSource;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.persistence.SqlDialect;
import io.crmflow.team.Industry;
import io.crmflow.team.ProductLine;
import io.crmflow.team.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class LeadRepository {

    private static final String COLUMNS = "id, external_id, name, company, email, phone, source, region, industry, product_line, "
            + "visits_30d, dwell_seconds, score, grade, status, owner_id, follow_up_due, process_instance_id, created_by, created_at, updated_at";

    /**
     * Locks a lead row as the update that follows does. On PostgreSQL that is {@code for no key update}: a plain
     * {@code for update} would also wait for the key-share locks that rows referring to the lead take (its decisions and
     * events), and two claims of one pool lead, each having recorded a decision first, would deadlock.
     */
    private static final String POSTGRES_LOCK = " for no key update";
    private static final String STANDARD_LOCK = " for update";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final LeadsInHand inHand;
    private final String lock;

    LeadRepository(JdbcClient jdbc, AuditTrail audit, LeadsInHand inHand, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.audit = audit;
        this.inHand = inHand;
        this.lock = SqlDialect.choose(dataSource, POSTGRES_LOCK, STANDARD_LOCK);
    }

    long insert(NewLead lead, int score, String grade, String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into leads (external_id, name, company, email, phone, email_key, phone_key, company_key, source, region,
                                           industry, product_line, visits_30d, dwell_seconds, score, grade, status, created_by, created_at, updated_at)
                        values (:externalId, :name, :company, :email, :phone, :emailKey, :phoneKey, :companyKey, :source, :region,
                                :industry, :productLine, :visits, :dwell, :score, :grade, :status, :createdBy, :now, :now)
                        """)
                .param("externalId", lead.externalId())
                .param("name", lead.name().trim())
                .param("company", lead.company())
                .param("email", lead.email())
                .param("phone", lead.phone())
                .param("emailKey", LeadKeys.email(lead.email()))
                .param("phoneKey", LeadKeys.phone(lead.phone()))
                .param("companyKey", LeadKeys.company(lead.company()))
                .param("source", lead.source().name())
                .param("region", lead.region().name())
                .param("industry", nameOf(lead.industry()))
                .param("productLine", nameOf(lead.productLine()))
                .param("visits", lead.visits())
                .param("dwell", lead.dwell())
                .param("score", score)
                .param("grade", grade)
                .param("status", LeadStatus.NEW.name())
                .param("createdBy", createdBy)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Lead> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from leads where id = ?").param(id).query(LeadRepository::map).optional();
    }

    Optional<Lead> findByExternalId(String externalId) {
        return jdbc.sql("select " + COLUMNS + " from leads where external_id = ?").param(externalId).query(LeadRepository::map).optional();
    }

    /** The oldest open lead with the same normalised email, phone or company, if any. */
    Optional<Lead> findOpenDuplicate(NewLead lead) {
        return jdbc.sql("select " + COLUMNS + " from leads where status in (:open)"
                        + " and (email_key = :email or phone_key = :phone or company_key = :company) order by id fetch first 1 rows only")
                .param("open", LeadStatus.OPEN.stream().map(Enum::name).toList())
                .param("email", LeadKeys.email(lead.email()))
                .param("phone", LeadKeys.phone(lead.phone()))
                .param("company", LeadKeys.company(lead.company()))
                .query(LeadRepository::map).optional();
    }

    /** Leads the viewer may see (row rules in SQL, so paging stays correct), newest first. */
    List<Lead> findVisible(LeadAccess.Viewer viewer, LeadStatus status, Region region, String owner, int limit, int offset) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (!viewer.admin()) {
            where.append(" and (owner_id = :me");
            params.put("me", viewer.userId());
            if (!viewer.managedRegions().isEmpty()) {
                where.append(" or region in (:managed)");
                params.put("managed", viewer.managedRegionNames());
            }
            if (!viewer.repRegions().isEmpty()) {
                where.append(" or (status = 'IN_POOL' and region in (:repRegions))");
                params.put("repRegions", viewer.repRegionNames());
            }
            where.append(")");
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        if (region != null) {
            where.append(" and region = :region");
            params.put("region", region.name());
        }
        if (owner != null) {
            where.append(" and owner_id = :owner");
            params.put("owner", owner);
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("select " + COLUMNS + " from leads" + where + " order by id desc offset :offset rows fetch next :limit rows only")
                .params(params).query(LeadRepository::map).list();
    }

    /** Hands a pool lead to a rep; false when it left the pool meanwhile (someone else was faster). */
    boolean assignFromPool(long id, String ownerId, Instant followUpDue, Instant now, String actor) {
        return audited(id, actor, () -> jdbc.sql("update leads set owner_id = ?, follow_up_due = ?, status = ?, updated_at = ? where id = ? and status = ?")
                .params(ownerId, timestamp(followUpDue), LeadStatus.ASSIGNED.name(), timestamp(now), id, LeadStatus.IN_POOL.name())
                .update()) == 1;
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update leads set process_instance_id = ? where id = ?").param(processInstanceId).param(id).update();
    }

    void assign(long id, String ownerId, Instant followUpDue, Instant now, String actor) {
        audited(id, actor, () -> jdbc.sql("update leads set owner_id = ?, follow_up_due = ?, status = ?, updated_at = ? where id = ?")
                .param(ownerId).param(timestamp(followUpDue)).param(LeadStatus.ASSIGNED.name()).param(timestamp(now)).param(id)
                .update());
    }

    void moveToPool(long id, Instant now, String actor) {
        audited(id, actor, () -> jdbc.sql("update leads set owner_id = null, follow_up_due = null, status = ?, updated_at = ? where id = ?")
                .param(LeadStatus.IN_POOL.name()).param(timestamp(now)).param(id).update());
    }

    void changeScore(long id, int score, String grade, Instant now, String actor) {
        audited(id, actor, () -> jdbc.sql("update leads set score = ?, grade = ?, updated_at = ? where id = ?")
                .params(score, grade, timestamp(now), id).update());
    }

    void changeStatus(long id, LeadStatus status, Instant now, String actor) {
        audited(id, actor, () -> jdbc.sql("update leads set status = ?, updated_at = ? where id = ?")
                .param(status.name()).param(timestamp(now)).param(id).update());
    }

    /** Hands an open lead of {@code owner} to {@code successor}; nothing when it is no longer theirs. */
    void handOver(long id, String owner, String successor) {
        changed(id, () -> jdbc.sql("update leads set owner_id = ? where id = ? and owner_id = ?").params(successor, id, owner).update());
    }

    /** Runs an update of the lead and writes what it changed of owner, status, score and grade to the audit log. */
    private int audited(long id, String actor, IntSupplier update) {
        Change change = changed(id, update);
        audit.record(actor, List.of(FieldChange.of("lead", id, "owner", change.before().ownerId(), change.after().ownerId()),
                FieldChange.of("lead", id, "status", change.before().status(), change.after().status()),
                FieldChange.of("lead", id, "score", change.before().score(), change.after().score()),
                FieldChange.of("lead", id, "grade", change.before().grade(), change.after().grade())));
        return change.updated();
    }

    private record Change(Lead before, Lead after, int updated) {
    }

    /**
     * Runs an update of the lead and keeps the reps' leads in hand in step. The lead is locked before it is read, so no
     * concurrent change can come between what was read and what the update changed.
     */
    private Change changed(long id, IntSupplier update) {
        Lead before = jdbc.sql("select " + COLUMNS + " from leads where id = ?" + lock).param(id).query(LeadRepository::map).optional()
                .orElseThrow(() -> new LeadNotFoundException(id));
        int updated = update.getAsInt();
        Lead after = findById(id).orElseThrow(() -> new LeadNotFoundException(id));
        inHand.changed(before, after);
        return new Change(before, after, updated);
    }

    /** Leads each rep has in hand, for capacity checks. */
    Map<String, Integer> openLeadsByOwner() {
        return inHand.byOwner();
    }

    private static String nameOf(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static <E extends Enum<E>> E enumOf(String name, Function<String, E> valueOf) {
        return name == null ? null : valueOf.apply(name);
    }

    private static Lead map(ResultSet rs, int row) throws SQLException {
        return new Lead(rs.getLong("id"), rs.getString("external_id"), rs.getString("name"), rs.getString("company"),
                rs.getString("email"), rs.getString("phone"),
                LeadSource.valueOf(rs.getString("source")), Region.valueOf(rs.getString("region")),
                enumOf(rs.getString("industry"), Industry::valueOf), enumOf(rs.getString("product_line"), ProductLine::valueOf),
                rs.getInt("visits_30d"), rs.getInt("dwell_seconds"), rs.getObject("score", Integer.class), rs.getString("grade"),
                LeadStatus.valueOf(rs.getString("status")), rs.getString("owner_id"), instant(rs, "follow_up_due"),
                rs.getString("process_instance_id"), rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
