package io.crmflow.contract;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ContractRepository {

    private static final String COLUMNS = "id, opportunity_id, quote_id, status, currency, amount, terms, approval_route, round, "
            + "created_by, process_instance_id, created_at, decided_at";

    private final JdbcClient jdbc;

    ContractRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long opportunityId, long quoteId, BigDecimal amount, String terms, String createdBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into contract (opportunity_id, quote_id, status, currency, amount, terms, round, created_by, created_at)
                        values (:opportunityId, :quoteId, :status, 'CNY', :amount, :terms, 0, :createdBy, :now)
                        """)
                .param("opportunityId", opportunityId)
                .param("quoteId", quoteId)
                .param("status", ContractStatus.PENDING_APPROVAL.name())
                .param("amount", amount)
                .param("terms", terms)
                .param("createdBy", createdBy)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    Optional<Contract> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from contract where id = ?").param(id).query(this::map).optional();
    }

    /** Newest first. */
    List<Contract> findByOpportunity(long opportunityId) {
        return jdbc.sql("select " + COLUMNS + " from contract where opportunity_id = ? order by id desc").param(opportunityId)
                .query(this::map).list();
    }

    boolean exists(long opportunityId, ContractStatus... statuses) {
        return jdbc.sql("select count(*) from contract where opportunity_id = :opportunityId and status in (:statuses)")
                .param("opportunityId", opportunityId)
                .param("statuses", Arrays.stream(statuses).map(Enum::name).toList())
                .query(Long.class).single() > 0;
    }

    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update contract set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    /** A new approval round on the route the rules chose. */
    void startRound(long id, ContractRoute route) {
        jdbc.sql("update contract set status = ?, approval_route = ?, round = round + 1 where id = ?")
                .params(ContractStatus.PENDING_APPROVAL.name(), route.name(), id).update();
    }

    void setStatus(long id, ContractStatus status, Instant decidedAt) {
        jdbc.sql("update contract set status = ?, decided_at = ? where id = ?").params(status.name(), timestamp(decidedAt), id).update();
    }

    /** False unless it was APPROVED. */
    boolean markPaid(long id) {
        return jdbc.sql("update contract set status = ? where id = ? and status = ?")
                .params(ContractStatus.PAID.name(), id, ContractStatus.APPROVED.name()).update() == 1;
    }

    void revise(long id, String terms) {
        jdbc.sql("update contract set terms = ? where id = ?").params(terms, id).update();
    }

    void recordApproval(long contractId, int round, ApproverStep step, String approver, String onBehalfOf, boolean approved, String comment,
                        Instant at) {
        jdbc.sql("insert into contract_approval (contract_id, round, step, approver, on_behalf_of, approved, comment, decided_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(contractId, round, step.name(), approver, onBehalfOf, approved, comment, timestamp(at)).update();
    }

    private List<ContractApproval> approvals(long contractId) {
        return jdbc.sql("select round, step, approver, on_behalf_of, approved, comment, decided_at from contract_approval where contract_id = ? order by id")
                .param(contractId)
                .query((rs, row) -> new ContractApproval(rs.getInt("round"), ApproverStep.valueOf(rs.getString("step")),
                        rs.getString("approver"), rs.getString("on_behalf_of"), rs.getBoolean("approved"), rs.getString("comment"), instant(rs, "decided_at")))
                .list();
    }

    private Contract map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String route = rs.getString("approval_route");
        return new Contract(id, rs.getLong("opportunity_id"), rs.getLong("quote_id"), ContractStatus.valueOf(rs.getString("status")),
                rs.getString("currency"), rs.getBigDecimal("amount"), rs.getString("terms"), route == null ? null : ContractRoute.valueOf(route),
                rs.getInt("round"), rs.getString("created_by"), rs.getString("process_instance_id"), instant(rs, "created_at"),
                instant(rs, "decided_at"), approvals(id));
    }
}
