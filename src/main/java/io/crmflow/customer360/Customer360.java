package io.crmflow.customer360;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.crmflow.customer.CustomerLookup;
import io.crmflow.customer.CustomerOverview;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles one customer's 360 view. Row and field rules follow docs/product.md §12: the owner, the region's manager and
 * administrators see every section; support reads the profile and tickets; finance the profile, contracts and
 * installments; the timeline merges only the sections the user sees. Lists are capped, newest first.
 */
@Component
class Customer360 {

    /** At most this many rows per section and on the timeline: a page, not an export. */
    static final int LIMIT = 200;

    private final CustomerLookup customers;
    private final JdbcClient jdbc;

    Customer360(CustomerLookup customers, JdbcClient jdbc) {
        this.customers = customers;
        this.jdbc = jdbc;
    }

    /** Which sections the user reads; null lists in {@link View} (left out of the JSON) are sections they may not see. */
    record Sections(boolean sales, boolean tickets, boolean money) {

        static Sections of(CustomerLookup.Seen seen, CurrentUser user) {
            boolean support = user.isIn(CrmflowGroup.SUPPORT_AGENT) || user.isIn(CrmflowGroup.SUPPORT_LEAD);
            return new Sections(seen.full(), seen.full() || support, seen.full() || user.isIn(CrmflowGroup.FINANCE));
        }
    }

    record View(CustomerOverview customer, Sections sections, List<LeadRow> leads, List<QuoteRow> quotes, List<ContractRow> contracts,
                List<InstallmentRow> outstandingInstallments, List<TicketRow> tickets, List<ChurnWarningRow> churnWarnings,
                List<TimelineEntry> timeline) {
    }

    record LeadRow(long id, String name, String status, String grade, Integer score, String owner, Instant createdAt) {
    }

    record QuoteRow(long id, long opportunityId, String status, String currency, BigDecimal netTotal, Instant createdAt, Instant decidedAt) {
    }

    record ContractRow(long id, long opportunityId, String status, String currency, BigDecimal amount, Instant createdAt, Instant decidedAt) {
    }

    record InstallmentRow(long id, long contractId, int seq, LocalDate dueDate, String currency, BigDecimal amount, BigDecimal paid,
                          String status) {
    }

    /** {@code firstResponse} and {@code resolution}: the SLA clocks' states (RUNNING, PAUSED, MET, BREACHED). */
    record TicketRow(long id, String subject, String severity, String priority, String status, String firstResponse, String resolution,
                     boolean breached, Instant createdAt, Instant resolvedAt) {
    }

    record ChurnWarningRow(long id, Instant lastOrderAt, int daysWithoutOrder, Instant warnedAt, String handledBy, String handledNote,
                           Instant handledAt) {
    }

    /**
     * {@code source}: CUSTOMER, LEAD, OPPORTUNITY, TICKET, PAYMENT, CHURN or ACTIVITY; {@code recordId} the id within it;
     * {@code attachments}: an activity's files (docs/product.md §13), else none.
     */
    record TimelineEntry(String source, long recordId, String type, String detail, String actor, Instant occurredAt, List<Attachment> attachments) {

        TimelineEntry(String source, long recordId, String type, String detail, String actor, Instant occurredAt) {
            this(source, recordId, type, detail, actor, occurredAt, List.of());
        }
    }

    /** An activity's file, downloaded from {@code href}. */
    record Attachment(String fileName, String href) {
    }

    @Transactional(readOnly = true)
    View view(long id, Authentication authentication) {
        CustomerLookup.Seen seen = customers.overview(id, authentication);
        Sections sections = Sections.of(seen, CurrentUser.of(authentication));
        List<TimelineEntry> timeline = new ArrayList<>(jdbc.sql("""
                select 'CUSTOMER' as source, id as record_id, 'CREATED' as type, name as detail, created_by as actor, created_at as occurred_at
                from customer where id = ?""").param(id).query(Customer360::timelineEntry).list());
        timeline.addAll(activities(id));
        List<LeadRow> leads = null;
        List<QuoteRow> quotes = null;
        List<ChurnWarningRow> churn = null;
        if (sections.sales()) {
            leads = jdbc.sql("""
                    select id, name, status, grade, score, owner_id, created_at from leads
                    where id in (select lead_id from opportunity where customer_id = ?)
                       or company_key = (select name_key from customer where id = ?)
                    order by id desc""").params(id, id).query((row, n) -> new LeadRow(row.getLong("id"), row.getString("name"),
                    row.getString("status"), row.getString("grade"), (Integer) row.getObject("score", Integer.class), row.getString("owner_id"),
                    instant(row, "created_at"))).list().stream().limit(LIMIT).toList();
            quotes = jdbc.sql("""
                    select q.id, q.opportunity_id, q.status, q.currency, q.net_total, q.created_at, q.decided_at
                    from quote q join opportunity o on o.id = q.opportunity_id where o.customer_id = ? order by q.id desc""").param(id)
                    .query((row, n) -> new QuoteRow(row.getLong("id"), row.getLong("opportunity_id"), row.getString("status"),
                            row.getString("currency"), row.getBigDecimal("net_total"), instant(row, "created_at"), instant(row, "decided_at")))
                    .list().stream().limit(LIMIT).toList();
            churn = jdbc.sql("""
                    select id, last_order_at, days_without_order, warned_at, handled_by, handled_note, handled_at
                    from churn_warning where customer_id = ? order by warned_at desc, id desc""").param(id)
                    .query((row, n) -> new ChurnWarningRow(row.getLong("id"), instant(row, "last_order_at"), row.getInt("days_without_order"),
                            instant(row, "warned_at"), row.getString("handled_by"), row.getString("handled_note"), instant(row, "handled_at")))
                    .list().stream().limit(LIMIT).toList();
            timeline.addAll(jdbc.sql("""
                    select 'LEAD' as source, e.lead_id as record_id, e.type, e.detail, e.actor, e.occurred_at from lead_event e
                    where e.lead_id in (select lead_id from opportunity where customer_id = ?)
                       or e.lead_id in (select l.id from leads l where l.company_key = (select name_key from customer where id = ?))
                    union all
                    select 'OPPORTUNITY', e.opportunity_id, e.type, e.detail, e.actor, e.occurred_at from opportunity_event e
                    join opportunity o on o.id = e.opportunity_id where o.customer_id = ?""").params(id, id, id)
                    .query(Customer360::timelineEntry).list());
            churn.forEach(warning -> timeline.add(new TimelineEntry("CHURN", warning.id(), "CHURN_WARNING",
                    String.valueOf(warning.daysWithoutOrder()), null, warning.warnedAt())));
        }
        List<ContractRow> contracts = null;
        List<InstallmentRow> installments = null;
        if (sections.money()) {
            contracts = jdbc.sql("""
                    select c.id, c.opportunity_id, c.status, c.currency, c.amount, c.created_at, c.decided_at
                    from contract c join opportunity o on o.id = c.opportunity_id where o.customer_id = ? order by c.id desc""").param(id)
                    .query((row, n) -> new ContractRow(row.getLong("id"), row.getLong("opportunity_id"), row.getString("status"),
                            row.getString("currency"), row.getBigDecimal("amount"), instant(row, "created_at"), instant(row, "decided_at")))
                    .list().stream().limit(LIMIT).toList();
            installments = jdbc.sql("""
                    select i.id, i.contract_id, i.seq, i.due_date, c.currency, i.amount, i.paid, i.status
                    from installment i join contract c on c.id = i.contract_id join opportunity o on o.id = c.opportunity_id
                    where o.customer_id = ? and i.status <> 'PAID' order by i.due_date, i.id""").param(id)
                    .query((row, n) -> new InstallmentRow(row.getLong("id"), row.getLong("contract_id"), row.getInt("seq"),
                            row.getObject("due_date", LocalDate.class), row.getString("currency"), row.getBigDecimal("amount"),
                            row.getBigDecimal("paid"), row.getString("status")))
                    .list().stream().limit(LIMIT).toList();
            timeline.addAll(jdbc.sql("""
                    select 'PAYMENT' as source, p.contract_id as record_id, 'PAYMENT_RECORDED' as type,
                           cast(p.amount as varchar(40)) as detail, p.recorded_by as actor, p.recorded_at as occurred_at
                    from payment p join contract c on c.id = p.contract_id join opportunity o on o.id = c.opportunity_id
                    where o.customer_id = ?""").param(id).query(Customer360::timelineEntry).list());
        }
        List<TicketRow> tickets = null;
        if (sections.tickets()) {
            tickets = jdbc.sql("""
                    select t.id, t.subject, t.severity, t.priority, t.status, t.breached, t.created_at, t.resolved_at,
                           (select c.state from ticket_sla_clock c where c.ticket_id = t.id and c.clock = 'FIRST_RESPONSE') as first_response,
                           (select c.state from ticket_sla_clock c where c.ticket_id = t.id and c.clock = 'RESOLUTION') as resolution
                    from ticket t where t.customer_id = ? order by t.id desc""").param(id)
                    .query((row, n) -> new TicketRow(row.getLong("id"), row.getString("subject"), row.getString("severity"),
                            row.getString("priority"), row.getString("status"), row.getString("first_response"), row.getString("resolution"),
                            row.getBoolean("breached"), instant(row, "created_at"), instant(row, "resolved_at")))
                    .list().stream().limit(LIMIT).toList();
            timeline.addAll(jdbc.sql("""
                    select 'TICKET' as source, e.ticket_id as record_id, e.type, e.detail, e.actor, e.occurred_at from ticket_event e
                    join ticket t on t.id = e.ticket_id where t.customer_id = ?""").param(id).query(Customer360::timelineEntry).list());
        }
        List<TimelineEntry> newestFirst = timeline.stream()
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed().thenComparing(TimelineEntry::source)).limit(LIMIT).toList();
        return new View(seen.overview(), sections, leads, quotes, contracts, installments, tickets, churn, newestFirst);
    }

    /** Activities are seen by whoever sees the customer (docs/product.md §13), with their attachments' download links. */
    private List<TimelineEntry> activities(long id) {
        Map<Long, List<Attachment>> files = new HashMap<>();
        jdbc.sql("""
                        select f.id, f.activity_id, f.file_name from activity_attachment f join activity a on a.id = f.activity_id
                        where a.customer_id = ? order by f.id""").param(id)
                .query((row, n) -> Map.entry(row.getLong("activity_id"), new Attachment(row.getString("file_name"),
                        "/api/customers/" + id + "/activities/" + row.getLong("activity_id") + "/attachments/" + row.getLong("id"))))
                .list().forEach(file -> files.computeIfAbsent(file.getKey(), activity -> new ArrayList<>()).add(file.getValue()));
        return jdbc.sql("""
                        select 'ACTIVITY' as source, id as record_id, kind as type,
                               coalesce(note, '') || case when minutes is null then '' else ' (' || minutes || ' min)' end as detail,
                               recorded_by as actor, occurred_at
                        from activity where customer_id = ? order by occurred_at desc limit ?""").params(id, LIMIT)
                .query(Customer360::timelineEntry).list().stream()
                .map(entry -> new TimelineEntry(entry.source(), entry.recordId(), entry.type(), entry.detail(), entry.actor(), entry.occurredAt(),
                        files.getOrDefault(entry.recordId(), List.of())))
                .toList();
    }

    private static TimelineEntry timelineEntry(ResultSet row, int rowNumber) throws SQLException {
        return new TimelineEntry(row.getString("source"), row.getLong("record_id"), row.getString("type"), row.getString("detail"),
                row.getString("actor"), instant(row, "occurred_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
