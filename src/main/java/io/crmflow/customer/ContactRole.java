package io.crmflow.customer;

/** A contact's part in the customer's buying (SPEC §12). */
public enum ContactRole {
    DECISION_MAKER, INFLUENCER, USER, PURCHASER, FINANCE
}
