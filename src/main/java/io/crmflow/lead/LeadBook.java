package io.crmflow.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.handover.OpenRecord;
import io.crmflow.handover.OwnedRecords;
import io.crmflow.process.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A rep's open leads in a handover (docs/product.md §14): listed, then moved with a timeline event and an audit entry each. */
@Component
class LeadBook implements OwnedRecords {

    private final JdbcClient jdbc;
    private final LeadRepository leads;
    private final LeadHistory history;
    private final AuditTrail audit;

    LeadBook(JdbcClient jdbc, LeadRepository leads, LeadHistory history, AuditTrail audit) {
        this.jdbc = jdbc;
        this.leads = leads;
        this.history = history;
        this.audit = audit;
    }

    @Override
    public List<OpenRecord> openRecordsOf(String owner) {
        return jdbc.sql("select id, name, company, region, product_line, industry, process_instance_id from leads "
                        + "where owner_id = :owner and status in (:open) order by id")
                .param("owner", owner).param("open", LeadStatus.OPEN.stream().map(Enum::name).toList())
                .query((rs, row) -> new OpenRecord("lead", rs.getLong("id"), rs.getString("company") == null ? rs.getString("name") : rs.getString("company"),
                        rs.getString("region"), rs.getString("product_line"), rs.getString("industry"),
                        rs.getString("process_instance_id") == null ? List.of() : List.of(rs.getString("process_instance_id")), null))
                .list();
    }

    @Override
    public void handOver(String owner, Map<Long, String> successors, String actor) {
        Instant now = EngineClock.now();
        successors.forEach((id, successor) -> {
            leads.handOver(id, owner, successor);
            history.recordEvent(id, "HANDED_OVER", "from " + owner + " to " + successor, actor, now);
            audit.record(actor, REASON, List.of(FieldChange.of("lead", id, "owner", owner, successor)));
        });
    }
}
