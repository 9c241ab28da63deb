package io.crmflow.ticket;

/** How bad the customer's problem is, as reported (docs/product.md §4). */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW
}
