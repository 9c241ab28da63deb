package io.crmflow.payment;

import static io.crmflow.pdf.PdfDocuments.money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.contract.InstallmentPlans;
import io.crmflow.contract.PlannedInstallment;
import io.crmflow.process.EngineClock;
import io.crmflow.web.InvalidRequestException;
import org.springframework.stereotype.Component;

/** Checks and keeps the payment plan a contract is drafted with; the default term applies when it has none. */
@Component
class InstallmentPlanner implements InstallmentPlans {

    private final PaymentRepository payments;
    private final PaymentTerms terms;
    private final BusinessCalendars calendars;

    InstallmentPlanner(PaymentRepository payments, PaymentTerms terms, BusinessCalendars calendars) {
        this.payments = payments;
        this.terms = terms;
        this.calendars = calendars;
    }

    @Override
    public void plan(long contractId, BigDecimal contractAmount, List<PlannedInstallment> installments) {
        LocalDate today = today();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < installments.size(); i++) {
            PlannedInstallment installment = installments.get(i);
            String field = "installments[" + i + "].dueDate";
            if (installment.dueDate().isBefore(today)) {
                throw new InvalidRequestException(field, "Installment " + (i + 1) + " is due " + installment.dueDate()
                        + ", before today (" + today + ")");
            }
            if (i > 0 && !installment.dueDate().isAfter(installments.get(i - 1).dueDate())) {
                throw new InvalidRequestException(field, "Installments are listed in due-date order, one per date: installment "
                        + (i + 1) + " is due " + installment.dueDate() + ", not after installment " + i);
            }
            total = total.add(installment.amount());
        }
        if (!installments.isEmpty() && total.compareTo(contractAmount) != 0) {
            throw new InvalidRequestException("installments", "The installments add up to " + money(total) + " CNY; the contract "
                    + "amount is " + money(contractAmount) + " CNY", Map.of("contractAmount", contractAmount, "plannedTotal", total));
        }
        payments.insertPlan(contractId, installments);
    }

    /** At approval: a contract drafted without a plan is paid in one installment on the rules' default term. */
    List<Installment> planOnApproval(long contractId, BigDecimal contractAmount) {
        if (payments.installments(contractId).isEmpty()) {
            LocalDate due = today().plusDays(terms.daysFromDue(CollectionStep.DEFAULT_TERM));
            payments.insertPlan(contractId, List.of(new PlannedInstallment(due, contractAmount)));
        }
        return payments.installments(contractId);
    }

    LocalDate today() {
        return LocalDate.ofInstant(EngineClock.now(), calendars.current().zone());
    }
}
