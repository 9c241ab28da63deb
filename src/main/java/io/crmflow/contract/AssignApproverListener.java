package io.crmflow.contract;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/** Task listener (create) of an approval task: the step's group or the region's manager gets it, and an IM about it. */
@Component
class AssignApproverListener implements TaskListener {

    private final ContractService contracts;

    AssignApproverListener(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        ApproverStep step = ContractTaskListeners.step(task);
        if (step.group() == null) {
            task.setAssignee((String) task.getVariable("manager"));
        } else {
            task.addCandidateGroup(step.group().id());
        }
        task.setName(step.label() + " " + task.getName());
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        // Whoever triggered the step (an approver of the last round, the owner revising) may not list the group's members;
        // who gets told must not depend on that.
        List<User> approvers = Context.getCommandContext()
                .runWithoutAuthorization(() -> ContractTaskListeners.approvers(identity, step, task.getAssignee()));
        for (User approver : approvers) {
            contracts.notifyApprover(ContractTaskListeners.contractId(task), step, task.getId(), approver.getId());
        }
    }
}
