package io.crmflow.quote;

/** Who has to approve a quote's discount, as {@code rules/quote-discount-approval.dmn} decides it. */
public enum ApprovalRoute {
    NONE, SALES_MANAGER, SALES_MANAGER_THEN_FINANCE
}
