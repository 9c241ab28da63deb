package io.crmflow.opportunity;

import java.util.List;
import java.util.Map;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.handover.OpenRecord;
import io.crmflow.handover.OwnedRecords;
import io.crmflow.persistence.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A rep's open opportunities in a handover (docs/product.md §14): moved with the stage they are in (the analytics count the
 * rest of that stage for the successor), a timeline entry and an audit entry each.
 */
@Component
class OpportunityBook implements OwnedRecords {

    private final JdbcClient jdbc;
    private final OpportunityService opportunities;
    private final AuditTrail audit;
    private final StageRollup rollup;

    OpportunityBook(JdbcClient jdbc, OpportunityService opportunities, AuditTrail audit, StageRollup rollup) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.audit = audit;
        this.rollup = rollup;
    }

    @Override
    public List<OpenRecord> openRecordsOf(String owner) {
        return jdbc.sql("select id, name, region, product_line, process_instance_id from opportunity where owner_id = ? and stage not in ('WON', 'LOST') "
                        + "order by id").param(owner)
                .query((rs, row) -> new OpenRecord("opportunity", rs.getLong("id"), rs.getString("name"), rs.getString("region"),
                        rs.getString("product_line"), null,
                        rs.getString("process_instance_id") == null ? List.of() : List.of(rs.getString("process_instance_id")), null))
                .list();
    }

    @Override
    public void handOver(String owner, Map<Long, String> successors, String actor) {
        successors.forEach((id, successor) -> {
            jdbc.sql("update opportunity set owner_id = ? where id = ? and owner_id = ?").params(successor, id, owner).update();
            jdbc.sql("select stage, region, entered_at from opportunity_stage where opportunity_id = ? and left_at is null").param(id)
                    .query((rs, row) -> {
                        rollup.handedOver(OpportunityStage.valueOf(rs.getString("stage")), rs.getString("region"), owner, successor,
                                SqlTimes.instant(rs, "entered_at"));
                        return row;
                    }).list();
            jdbc.sql("update opportunity_stage set owner_id = ? where opportunity_id = ? and left_at is null").params(successor, id).update();
            opportunities.recordActivity(id, "HANDED_OVER", "from " + owner + " to " + successor, actor);
            audit.record(actor, REASON, List.of(FieldChange.of("opportunity", id, "owner", owner, successor)));
        });
    }
}
