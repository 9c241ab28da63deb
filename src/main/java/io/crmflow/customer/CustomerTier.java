package io.crmflow.customer;

/** A customer's tier (docs/product.md §12): by trailing-12-month won amount in rules/customer-tier.dmn, or pinned by a manager. With a ticket's severity it decides the ticket's priority. */
public enum CustomerTier {
    A, B, C
}
