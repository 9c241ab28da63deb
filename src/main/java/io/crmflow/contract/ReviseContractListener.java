package io.crmflow.contract;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task listener (complete) of the revision task: stores the revised terms before the next round starts. */
@Component
class ReviseContractListener implements TaskListener {

    private final ContractService contracts;

    ReviseContractListener(ContractService contracts) {
        this.contracts = contracts;
    }

    @Override
    public void notify(DelegateTask task) {
        contracts.revise(ContractTaskListeners.contractId(task), ContractForm.text(task, ContractForm.TERMS), task.getAssignee());
    }
}
