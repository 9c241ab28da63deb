package io.crmflow.payment;

public enum InstallmentStatus {
    OPEN,
    PARTIALLY_PAID,
    PAID
}
