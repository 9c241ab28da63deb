package io.crmflow.contract;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of {@code processes/contract-approval.bpmn}, each a thin step into {@link ContractService}. */
final class ContractDelegates {

    private ContractDelegates() {
    }

    static long contractId(DelegateExecution execution) {
        return ((Number) execution.getVariable("contractId")).longValue();
    }

    /** "Determine approvers": a new round, its approvers from rules/contract-approval.dmn, the forms' data. */
    @Component("determineContractApproversDelegate")
    static class DetermineApprovers implements JavaDelegate {

        private final ContractService contracts;

        DetermineApprovers(ContractService contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariables(contracts.startRound(contractId(execution)));
        }
    }

    /** "Send back for revision": an approver said no. */
    @Component("sendBackContractDelegate")
    static class SendBack implements JavaDelegate {

        private final ContractService contracts;

        SendBack(ContractService contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setVariable("rejectionComments", contracts.sendBack(contractId(execution)));
        }
    }

    /** "Approve contract": every approver agreed. */
    @Component("approveContractDelegate")
    static class Approve implements JavaDelegate {

        private final ContractService contracts;

        Approve(ContractService contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            contracts.approve(contractId(execution));
        }
    }
}
