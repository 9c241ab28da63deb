package io.crmflow.contract;

import io.crmflow.security.CrmflowGroup;

/** Who approves in a contract's approval round: a group's members, or the region's sales manager in person. */
public enum ApproverStep {
    LEGAL(CrmflowGroup.LEGAL, "法务 Legal"),
    SALES_MANAGER(null, "销售经理 Sales manager"),
    FINANCE(CrmflowGroup.FINANCE, "财务 Finance"),
    GM(CrmflowGroup.GM, "总经理 General manager");

    private final CrmflowGroup group;
    private final String label;

    ApproverStep(CrmflowGroup group, String label) {
        this.group = group;
        this.label = label;
    }

    /** The candidate group of the step's task; null for the sales manager, who is its assignee. */
    CrmflowGroup group() {
        return group;
    }

    String label() {
        return label;
    }
}
