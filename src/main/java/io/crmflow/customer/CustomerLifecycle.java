package io.crmflow.customer;

/** Where a customer stands (docs/product.md §12), decided by rules/customer-lifecycle.dmn. */
public enum CustomerLifecycle {
    /** Nothing won yet. */
    POTENTIAL,
    /** First win less than a year ago. */
    NEW,
    /** Won before, ordered within the last year. */
    EXISTING,
    /** Ordered once, nothing in the last year, or an open churn warning. */
    CHURNED
}
