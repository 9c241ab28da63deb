package io.crmflow.contract;

import java.util.List;

import io.crmflow.process.TaskCompletion;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;

/** What the contract tasks' listeners share: whose task it is, and who completed it. */
final class ContractTaskListeners {

    private ContractTaskListeners() {
    }

    static long contractId(DelegateTask task) {
        return ((Number) task.getVariable("contractId")).longValue();
    }

    static ApproverStep step(DelegateTask task) {
        return ApproverStep.valueOf((String) task.getVariable(ContractForm.STEP));
    }

    /** The step's assignee (the sales manager), or every member of its group. */
    static List<User> approvers(IdentityService identity, ApproverStep step, String assignee) {
        return step.group() == null ? identity.createUserQuery().userId(assignee).list()
                : identity.createUserQuery().memberOfGroup(step.group().id()).list();
    }

    /** The API names who acted; in Tasklist it is the logged-in user who completed the task. */
    static String actor(DelegateTask task, String apiVariable) {
        Object named = task.getVariable(apiVariable);
        if (named != null) {
            return named.toString();
        }
        return TaskCompletion.completedBy(task);
    }
}
