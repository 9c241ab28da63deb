package io.crmflow.contract;

import static io.crmflow.process.EngineClock.now;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Service task "Remind approvers" (timer every 24 h on the approval round): everyone whose approval task is still open. */
@Component
class RemindApproversDelegate implements JavaDelegate {

    private final ContractService contracts;

    RemindApproversDelegate(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskService tasks = execution.getProcessEngineServices().getTaskService();
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        long contractId = ContractDelegates.contractId(execution);
        Instant now = now();
        for (Task task : tasks.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(ContractService.APPROVAL_TASK).list()) {
            ApproverStep step = ApproverStep.valueOf((String) tasks.getVariable(task.getId(), ContractForm.STEP));
            long days = Duration.between(task.getCreateTime().toInstant(), now).toHours() / ContractService.OVERDUE_AFTER.toHours();
            for (User approver : ContractTaskListeners.approvers(identity, step, task.getAssignee())) {
                String email = approver.getEmail() == null || approver.getEmail().isBlank() ? null : approver.getEmail();
                contracts.remindApprover(contractId, step, task.getId(), approver.getId(), email, days);
            }
        }
    }
}
