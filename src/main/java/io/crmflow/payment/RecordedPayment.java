package io.crmflow.payment;

/** The answer to recording a payment: the payment with its allocation, and the plan after it. */
public record RecordedPayment(Payment payment, PaymentPlan plan) {
}
