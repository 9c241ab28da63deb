package io.crmflow.contract;

import java.util.List;

/** Who approves a contract, as {@code rules/contract-approval.dmn} decides it; all of a route's approvers decide in parallel. */
public enum ContractRoute {
    LEGAL_AND_SALES_MANAGER(List.of(ApproverStep.LEGAL, ApproverStep.SALES_MANAGER)),
    LEGAL_FINANCE_AND_GM(List.of(ApproverStep.LEGAL, ApproverStep.FINANCE, ApproverStep.GM));

    private final List<ApproverStep> steps;

    ContractRoute(List<ApproverStep> steps) {
        this.steps = steps;
    }

    List<ApproverStep> steps() {
        return steps;
    }
}
