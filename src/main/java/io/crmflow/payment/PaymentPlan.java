package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.crmflow.contract.ContractStatus;

/** A contract's payment plan as it stands: what is due when, what came in, what is overdue by how many days. */
public record PaymentPlan(long contractId, String contractNumber, ContractStatus contractStatus, BigDecimal amount, BigDecimal paid,
                         BigDecimal outstanding, List<Line> installments) {

    PaymentPlan onlyInstallments(InstallmentStatus status) {
        return new PaymentPlan(contractId, contractNumber, contractStatus, amount, paid, outstanding,
                installments.stream().filter(line -> line.status() == status).toList());
    }

    public record Line(long id, int number, LocalDate dueDate, BigDecimal amount, BigDecimal paid, BigDecimal outstanding,
                       InstallmentStatus status, long daysOverdue, Instant paidAt) {
    }
}
