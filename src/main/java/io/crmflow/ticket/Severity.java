package io.crmflow.ticket;

/** How bad the customer's problem is, as reported (SPEC §4). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
