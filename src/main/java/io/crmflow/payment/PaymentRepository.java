package io.crmflow.payment;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import io.crmflow.contract.PlannedInstallment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PaymentRepository {

    private static final String INSTALLMENT_COLUMNS = "id, contract_id, seq, due_date, amount, paid, paid_at, status";

    private final JdbcClient jdbc;

    PaymentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers them 1, 2, 3… in the order given, which the caller has checked is due-date order. */
    void insertPlan(long contractId, List<PlannedInstallment> plan) {
        for (int i = 0; i < plan.size(); i++) {
            jdbc.sql("insert into installment (contract_id, seq, due_date, amount, paid, status) values (?, ?, ?, ?, 0, ?)")
                    .params(contractId, i + 1, plan.get(i).dueDate(), plan.get(i).amount(), InstallmentStatus.OPEN.name()).update();
        }
    }

    List<Installment> installments(long contractId) {
        return jdbc.sql("select " + INSTALLMENT_COLUMNS + " from installment where contract_id = ? order by seq").param(contractId)
                .query(this::mapInstallment).list();
    }

    /** The plan, locked until the transaction ends, so that two payments for one contract are allocated one after the other. */
    List<Installment> lockInstallments(long contractId) {
        return jdbc.sql("select " + INSTALLMENT_COLUMNS + " from installment where contract_id = ? order by seq for update")
                .param(contractId).query(this::mapInstallment).list();
    }

    Optional<Installment> installment(long id) {
        return jdbc.sql("select " + INSTALLMENT_COLUMNS + " from installment where id = ?").param(id).query(this::mapInstallment).optional();
    }

    void addPaid(long installmentId, BigDecimal amount, Instant paidInFullAt, InstallmentStatus status) {
        jdbc.sql("update installment set paid = paid + ?, paid_at = ?, status = ? where id = ?")
                .params(amount, timestamp(paidInFullAt), status.name(), installmentId).update();
    }

    /** False when it already was OVERDUE or is PAID (a repeated dunning step, a payment that came first). */
    boolean markOverdue(long installmentId) {
        return jdbc.sql("update installment set status = 'OVERDUE' where id = ? and status in ('OPEN', 'PARTIALLY_PAID')")
                .param(installmentId).update() == 1;
    }

    /** Unpaid installments not marked OVERDUE although due on or before {@code day}: candidates for the ladder's state. */
    List<Installment> dueButNotOverdue(LocalDate day) {
        return jdbc.sql("select " + INSTALLMENT_COLUMNS + " from installment where status in ('OPEN', 'PARTIALLY_PAID') and due_date <= ? "
                        + "order by contract_id, seq")
                .param(day).query(this::mapInstallment).list();
    }

    boolean referenceUsed(long contractId, String reference) {
        return jdbc.sql("select count(*) from payment where contract_id = ? and reference = ?").params(contractId, reference)
                .query(Long.class).single() > 0;
    }

    long insertPayment(long contractId, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into payment (contract_id, amount, received_on, reference, recorded_by, recorded_at)
                        values (:contractId, :amount, :receivedOn, :reference, :recordedBy, :now)
                        """)
                .param("contractId", contractId)
                .param("amount", amount)
                .param("receivedOn", receivedOn)
                .param("reference", reference)
                .param("recordedBy", recordedBy)
                .param("now", timestamp(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void insertAllocation(long paymentId, long installmentId, BigDecimal amount) {
        jdbc.sql("insert into payment_allocation (payment_id, installment_id, amount) values (?, ?, ?)")
                .params(paymentId, installmentId, amount).update();
    }

    private static final String PAYMENT_COLUMNS = "id, contract_id, amount, received_on, reference, recorded_by, recorded_at";

    /** Oldest first. */
    List<Payment> payments(long contractId) {
        return jdbc.sql("select " + PAYMENT_COLUMNS + " from payment where contract_id = ? order by id").param(contractId)
                .query(this::mapPayment).list();
    }

    Payment payment(long id) {
        return jdbc.sql("select " + PAYMENT_COLUMNS + " from payment where id = ?").param(id).query(this::mapPayment).single();
    }

    private Payment mapPayment(ResultSet rs, int row) throws SQLException {
        return new Payment(rs.getLong("id"), rs.getLong("contract_id"), rs.getBigDecimal("amount"), rs.getObject("received_on", LocalDate.class),
                rs.getString("reference"), rs.getString("recorded_by"), instant(rs, "recorded_at"), allocations(rs.getLong("id")));
    }

    private List<Payment.Allocation> allocations(long paymentId) {
        return jdbc.sql("select a.installment_id, i.seq, a.amount from payment_allocation a join installment i on i.id = a.installment_id "
                        + "where a.payment_id = ? order by i.seq")
                .param(paymentId)
                .query((rs, row) -> new Payment.Allocation(rs.getLong("installment_id"), rs.getInt("seq"), rs.getBigDecimal("amount")))
                .list();
    }

    private Installment mapInstallment(ResultSet rs, int row) throws SQLException {
        return new Installment(rs.getLong("id"), rs.getLong("contract_id"), rs.getInt("seq"), rs.getObject("due_date", LocalDate.class),
                rs.getBigDecimal("amount"), rs.getBigDecimal("paid"), instant(rs, "paid_at"),
                InstallmentStatus.valueOf(rs.getString("status")));
    }
}
