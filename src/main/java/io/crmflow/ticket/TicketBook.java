package io.crmflow.ticket;

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

/**
 * The open tickets of the customers a rep owns, in a handover (docs/product.md §14): the rep is their account owner, so they
 * move with their customer; each gets a timeline event and an audit entry naming the new account owner.
 */
@Component
class TicketBook implements OwnedRecords {

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final AuditTrail audit;

    TicketBook(JdbcClient jdbc, TicketRepository tickets, AuditTrail audit) {
        this.jdbc = jdbc;
        this.tickets = tickets;
        this.audit = audit;
    }

    @Override
    public List<OpenRecord> openRecordsOf(String owner) {
        return jdbc.sql("select t.id, t.subject, t.customer_id, t.process_instance_id from ticket t join customer c on c.id = t.customer_id "
                        + "where c.account_owner = ? and t.status <> ? order by t.id").params(owner, TicketStatus.CLOSED.name())
                .query((rs, row) -> new OpenRecord("ticket", rs.getLong("id"), rs.getString("subject"), null, null, null,
                        rs.getString("process_instance_id") == null ? List.of() : List.of(rs.getString("process_instance_id")),
                        OpenRecord.key("customer", rs.getLong("customer_id"))))
                .list();
    }

    @Override
    public void handOver(String owner, Map<Long, String> successors, String actor) {
        Instant now = EngineClock.now();
        successors.forEach((id, successor) -> {
            tickets.recordEvent(id, "ACCOUNT_HANDED_OVER", "account owner " + owner + " → " + successor, actor, now);
            audit.record(actor, REASON, List.of(FieldChange.of("ticket", id, "accountOwner", owner, successor)));
        });
    }
}
