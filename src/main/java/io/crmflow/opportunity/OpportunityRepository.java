package io.crmflow.opportunity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class OpportunityRepository {

    private static final String COLUMNS = "id, lead_id, name, company, owner_id, region, product_line, stage, process_instance_id, "
            + "created_at, updated_at";

    private final JdbcClient jdbc;

    OpportunityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(QualifiedLead lead, String stage, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into opportunity (lead_id, name, company, owner_id, region, product_line, stage, created_at, updated_at)
                        values (:leadId, :name, :company, :owner, :region, :productLine, :stage, :now, :now)
                        """)
                .param("leadId", lead.leadId())
                .param("name", lead.company() == null ? lead.name() : lead.company())
                .param("company", lead.company())
                .param("owner", lead.ownerId())
                .param("region", lead.region())
                .param("productLine", lead.productLine())
                .param("stage", stage)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Opportunity> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from opportunity where id = ?").param(id).query(OpportunityRepository::map).optional();
    }

    Optional<Opportunity> findByLeadId(long leadId) {
        return jdbc.sql("select " + COLUMNS + " from opportunity where lead_id = ?").param(leadId).query(OpportunityRepository::map).optional();
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update opportunity set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void recordEvent(long id, String type, String detail, String actor, Instant at) {
        jdbc.sql("insert into opportunity_event (opportunity_id, type, detail, actor, occurred_at) values (?, ?, ?, ?, ?)")
                .params(id, type, detail, actor, timestamp(at)).update();
    }

    List<OpportunityEvent> events(long id) {
        return jdbc.sql("select id, type, detail, actor, occurred_at from opportunity_event where opportunity_id = ? order by id")
                .param(id)
                .query((rs, row) -> new OpportunityEvent(rs.getLong("id"), rs.getString("type"), rs.getString("detail"),
                        rs.getString("actor"), instant(rs, "occurred_at")))
                .list();
    }

    private static Opportunity map(ResultSet rs, int row) throws SQLException {
        long leadId = rs.getLong("lead_id");
        return new Opportunity(rs.getLong("id"), rs.wasNull() ? null : leadId, rs.getString("name"), rs.getString("company"),
                rs.getString("owner_id"), rs.getString("region"), rs.getString("product_line"), rs.getString("stage"),
                rs.getString("process_instance_id"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
