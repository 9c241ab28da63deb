package io.crmflow.payment;

import java.util.Arrays;
import java.util.Optional;

import io.crmflow.security.CrmflowGroup;

/** The steps of rules/payment-collection.dmn; the dunning ones each have a user task in processes/payment-collection.bpmn. */
enum CollectionStep {
    REMINDER(null, null, "付款提醒 Payment reminder"),
    OWNER("Task_ChaseOverduePayment", null, "催收 Chase overdue payment"),
    FINANCE("Task_FinanceCollection", CrmflowGroup.FINANCE, "财务催收 Finance collection"),
    GM("Task_GmEscalation", CrmflowGroup.GM, "总经理升级 Escalation to the GM"),
    DEFAULT_TERM(null, null, "默认账期 Default payment term");

    private final String taskKey;
    private final CrmflowGroup group;
    private final String label;

    CollectionStep(String taskKey, CrmflowGroup group, String label) {
        this.taskKey = taskKey;
        this.group = group;
        this.label = label;
    }

    static Optional<CollectionStep> ofTask(String taskDefinitionKey) {
        return Arrays.stream(values()).filter(step -> taskDefinitionKey.equals(step.taskKey)).findFirst();
    }

    /** The dunning step after this one, whose start is this step's task's due date. */
    Optional<CollectionStep> next() {
        return switch (this) {
            case OWNER -> Optional.of(FINANCE);
            case FINANCE -> Optional.of(GM);
            default -> Optional.empty();
        };
    }

    /** Null: the contract's owner. */
    CrmflowGroup group() {
        return group;
    }

    String label() {
        return label;
    }
}
