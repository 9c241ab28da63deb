package io.crmflow.payment;

import java.util.Date;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code processes/payment-collection.bpmn} ask this when a step of an installment's ladder is due,
 * e.g. {@code ${paymentSchedule.due(installmentId, 'OWNER')}}; the days come from rules/payment-collection.dmn.
 */
@Component("paymentSchedule")
public class PaymentSchedule {

    private final PaymentService payments;

    PaymentSchedule(PaymentService payments) {
        this.payments = payments;
    }

    public Date due(Number installmentId, String step) {
        return payments.stepDue(installmentId.longValue(), CollectionStep.valueOf(step));
    }
}
