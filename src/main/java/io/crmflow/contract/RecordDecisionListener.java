package io.crmflow.contract;

import java.util.List;

import io.crmflow.team.StandIns;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener (complete) of an approval task: stores the decision, whether made in Tasklist or through the API. A
 * rejection sets {@code rejected}, which ends the round (the multi-instance's completion condition).
 */
@Component
class RecordDecisionListener implements TaskListener {

    private final ContractService contracts;

    RecordDecisionListener(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        boolean approved = ContractForm.approved(task);
        String approver = ContractTaskListeners.actor(task, ContractForm.DECIDED_BY);
        DelegateExecution process = task.getExecution().getProcessInstance();
        String approvalsSoFar = contracts.recordDecision(ContractTaskListeners.contractId(task), ContractTaskListeners.step(task), approved,
                ContractForm.text(task, ContractForm.COMMENT), approver, StandIns.decidedFor(process, approver).orElse(null));
        process.setVariable(ContractForm.APPROVALS_SO_FAR, approvalsSoFar);
        if (!approved) {
            process.setVariable(ContractForm.REJECTED, true);
        }
        // The other approvers' forms start empty instead of showing this decision as theirs.
        process.removeVariables(List.of(ContractForm.DECISION, ContractForm.COMMENT, ContractForm.DECIDED_BY));
    }
}
