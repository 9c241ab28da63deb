package io.crmflow.opportunity;

public enum LossReason {
    PRICE, COMPETITOR, NO_BUDGET, NO_DECISION, OTHER
}
