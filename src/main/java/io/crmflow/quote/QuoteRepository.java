package io.crmflow.quote;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.math.BigDecimal;
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
class QuoteRepository {

    private static final String COLUMNS = "id, opportunity_id, status, currency, discount_percent, effective_discount_percent, "
            + "list_total, discount_amount, net_total, approval_route, note, created_by, process_instance_id, created_at, decided_at";

    private final JdbcClient jdbc;

    QuoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long opportunityId, BigDecimal discountPercent, QuotePricing.Totals totals, String note, String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into quote (opportunity_id, status, currency, discount_percent, effective_discount_percent, list_total,
                                           discount_amount, net_total, note, created_by, created_at)
                        values (:opportunityId, :status, 'CNY', :discount, :effective, :listTotal, :discountAmount, :netTotal, :note,
                                :createdBy, :now)
                        """)
                .param("opportunityId", opportunityId)
                .param("status", QuoteStatus.PENDING_APPROVAL.name())
                .param("discount", discountPercent)
                .param("effective", totals.effectiveDiscountPercent())
                .param("listTotal", totals.listTotal())
                .param("discountAmount", totals.discountAmount())
                .param("netTotal", totals.netTotal())
                .param("note", note)
                .param("createdBy", createdBy)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertLine(long quoteId, QuoteLine line) {
        jdbc.sql("""
                        insert into quote_line (quote_id, line_no, product_id, product_name, category, quantity, list_price, unit_price, line_total)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """)
                .params(quoteId, line.lineNo(), line.productId(), line.productName(), line.category(), line.quantity(), line.listPrice(),
                        line.unitPrice(), line.lineTotal())
                .update();
    }

    Optional<Quote> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from quote where id = ?").param(id).query(this::map).optional();
    }

    /** Newest first. */
    List<Quote> findByOpportunity(long opportunityId) {
        return jdbc.sql("select " + COLUMNS + " from quote where opportunity_id = ? order by id desc").param(opportunityId).query(this::map).list();
    }

    boolean exists(long opportunityId, QuoteStatus status) {
        return jdbc.sql("select count(*) from quote where opportunity_id = ? and status = ?").params(opportunityId, status.name())
                .query(Long.class).single() > 0;
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update quote set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    void setApprovalRoute(long id, ApprovalRoute route) {
        jdbc.sql("update quote set approval_route = ? where id = ?").params(route.name(), id).update();
    }

    void decide(long id, QuoteStatus status, Instant at) {
        jdbc.sql("update quote set status = ?, decided_at = ? where id = ?").params(status.name(), timestamp(at), id).update();
    }

    void recordApproval(long quoteId, ApprovalStep step, String approver, String onBehalfOf, boolean approved, String comment, Instant at) {
        jdbc.sql("insert into quote_approval (quote_id, step, approver, on_behalf_of, approved, comment, decided_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(quoteId, step.name(), approver, onBehalfOf, approved, comment, timestamp(at)).update();
    }

    private List<QuoteLine> lines(long quoteId) {
        return jdbc.sql("""
                        select line_no, product_id, product_name, category, quantity, list_price, unit_price, line_total
                        from quote_line where quote_id = ? order by line_no
                        """)
                .param(quoteId)
                .query((rs, row) -> new QuoteLine(rs.getInt("line_no"), rs.getLong("product_id"), rs.getString("product_name"),
                        rs.getString("category"), rs.getInt("quantity"), rs.getBigDecimal("list_price"), rs.getBigDecimal("unit_price"),
                        rs.getBigDecimal("line_total")))
                .list();
    }

    private List<QuoteApproval> approvals(long quoteId) {
        return jdbc.sql("select step, approver, on_behalf_of, approved, comment, decided_at from quote_approval where quote_id = ? order by id")
                .param(quoteId)
                .query((rs, row) -> new QuoteApproval(rs.getString("step"), rs.getString("approver"), rs.getString("on_behalf_of"), rs.getBoolean("approved"),
                        rs.getString("comment"), instant(rs, "decided_at")))
                .list();
    }

    private Quote map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String route = rs.getString("approval_route");
        return new Quote(id, rs.getLong("opportunity_id"), QuoteStatus.valueOf(rs.getString("status")), rs.getString("currency"),
                rs.getBigDecimal("discount_percent"), rs.getBigDecimal("effective_discount_percent"), rs.getBigDecimal("list_total"),
                rs.getBigDecimal("discount_amount"), rs.getBigDecimal("net_total"), route == null ? null : ApprovalRoute.valueOf(route),
                rs.getString("note"), rs.getString("created_by"), rs.getString("process_instance_id"), instant(rs, "created_at"),
                instant(rs, "decided_at"), lines(id), approvals(id));
    }
}
