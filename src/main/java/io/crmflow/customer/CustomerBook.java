package io.crmflow.customer;

import java.util.List;
import java.util.Map;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.handover.OpenRecord;
import io.crmflow.handover.OwnedRecords;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The customers a rep is account owner of, in a handover (docs/product.md §14): each moved with an audit entry. */
@Component
class CustomerBook implements OwnedRecords {

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CustomerBook(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    @Override
    public List<OpenRecord> openRecordsOf(String owner) {
        return jdbc.sql("select id, name, region, industry from customer where account_owner = ? order by id").param(owner)
                .query((rs, row) -> new OpenRecord("customer", rs.getLong("id"), rs.getString("name"), rs.getString("region"), null,
                        rs.getString("industry"), List.of(), null))
                .list();
    }

    @Override
    public void handOver(String owner, Map<Long, String> successors, String actor) {
        successors.forEach((id, successor) -> {
            jdbc.sql("update customer set account_owner = ? where id = ? and account_owner = ?").params(successor, id, owner).update();
            audit.record(actor, REASON, List.of(FieldChange.of("customer", id, "accountOwner", owner, successor)));
        });
    }
}
