package io.crmflow.customer;

/** A contact's part in the customer's buying (docs/product.md §12). */
public enum ContactRole {
    DECISION_MAKER, INFLUENCER, USER, PURCHASER, FINANCE
}
