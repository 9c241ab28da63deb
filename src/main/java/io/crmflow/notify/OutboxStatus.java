package io.crmflow.notify;

/** Where an outbox message is: waiting for its (next) attempt, delivered, or given up after its last attempt. */
public enum OutboxStatus {
    PENDING, SENT, FAILED
}
