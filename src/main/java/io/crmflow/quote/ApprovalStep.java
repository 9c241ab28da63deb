package io.crmflow.quote;

/** One approver's step in the {@code quote-approval} process, with the user task that carries it. */
enum ApprovalStep {
    SALES_MANAGER("Task_ManagerApproval", "销售经理 Sales manager"),
    FINANCE("Task_FinanceApproval", "财务 Finance");

    private final String taskKey;
    private final String label;

    ApprovalStep(String taskKey, String label) {
        this.taskKey = taskKey;
        this.label = label;
    }

    String taskKey() {
        return taskKey;
    }

    String label() {
        return label;
    }

    static ApprovalStep ofTask(String taskDefinitionKey) {
        for (ApprovalStep step : values()) {
            if (step.taskKey.equals(taskDefinitionKey)) {
                return step;
            }
        }
        throw new IllegalArgumentException("No approval step has the task " + taskDefinitionKey);
    }
}
