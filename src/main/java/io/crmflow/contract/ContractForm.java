package io.crmflow.contract;

import static io.crmflow.pdf.PdfDocuments.money;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.crmflow.opportunity.Opportunity;
import io.crmflow.quote.QuoteLine;
import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The contract tasks' forms ({@code forms/contract-approval.form}, {@code forms/contract-revision.form}) as process
 * variables: what they show of the contract, and what they submit, which the API passes the same way. Variable names
 * are the forms' field keys.
 */
final class ContractForm {

    static final String STEP = "step";
    static final String DECISION = "decision";
    static final String APPROVE = "APPROVE";
    static final String COMMENT = "decisionComment";
    static final String DECIDED_BY = "decidedBy";
    static final String REJECTED = "rejected";
    static final String APPROVALS_SO_FAR = "approvalsSoFar";
    static final String TERMS = "terms";
    static final String PAYMENT_PLAN = "paymentPlan";

    private ContractForm() {
    }

    static Map<String, Object> variables(Contract contract, Opportunity opportunity, List<QuoteLine> lines) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("contractNumber", contract.number());
        variables.put("opportunityName", opportunity.name());
        variables.put("company", opportunity.company());
        variables.put("customerId", opportunity.customerId());
        variables.put("region", opportunity.region());
        variables.put("amount", money(contract.amount()) + " CNY");
        variables.put("contractLines", lines.stream().map(QuoteLine::summary).collect(Collectors.joining("\n")));
        variables.put(TERMS, contract.terms());
        variables.put("approvalRound", contract.round());
        variables.put(APPROVALS_SO_FAR, approvalsSoFar(contract));
        return variables;
    }

    /** Every decision so far, round by round, for the approvers' and the owner's forms. */
    static String approvalsSoFar(Contract contract) {
        if (contract.approvals().isEmpty()) {
            return "—";
        }
        return contract.approvals().stream()
                .map(a -> "R" + a.round() + " " + a.step().label() + " " + a.decider() + ": " + (a.approved() ? "批准 approved" : "驳回 rejected")
                        + (a.comment() == null ? "" : " — " + a.comment()))
                .collect(Collectors.joining("\n"));
    }

    /** The payment plan the contract was drafted with, one installment a line, for the approvers (finance above all). */
    static String paymentPlan(List<PlannedInstallment> installments) {
        if (installments.isEmpty()) {
            return "未约定分期：批准后按默认账期一次付清 No plan: one installment, due the default term after approval";
        }
        StringBuilder plan = new StringBuilder();
        for (int i = 0; i < installments.size(); i++) {
            PlannedInstallment installment = installments.get(i);
            plan.append(i == 0 ? "" : "\n").append(i + 1).append(". ").append(installment.dueDate()).append("  ")
                    .append(money(installment.amount())).append(" CNY");
        }
        return plan.toString();
    }

    static Map<String, Object> decision(boolean approve, String comment, String decidedBy) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(DECISION, approve ? APPROVE : "REJECT");
        variables.put(COMMENT, comment);
        variables.put(DECIDED_BY, decidedBy);
        return variables;
    }

    static boolean approved(VariableScope scope) {
        Object decision = scope.getVariable(DECISION);
        if (decision == null) {
            throw new IllegalStateException("The approval task was completed without a decision");
        }
        return APPROVE.equals(decision.toString());
    }

    static String text(VariableScope scope, String name) {
        Object value = scope.getVariable(name);
        return value == null ? null : value.toString();
    }

    static void requireReason(boolean approved, String comment) {
        if (!approved && ContractService.blankToNull(comment) == null) {
            throw new InvalidRequestException("comment", "A rejection needs a comment telling the owner why");
        }
    }
}
