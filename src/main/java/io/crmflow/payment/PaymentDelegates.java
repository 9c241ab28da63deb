package io.crmflow.payment;

import java.util.List;

import io.crmflow.contract.ContractService;
import io.crmflow.process.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** The service tasks and task listeners of {@code processes/payment-collection.bpmn}, each a thin step into {@link PaymentService}. */
final class PaymentDelegates {

    private PaymentDelegates() {
    }

    private static long installmentId(DelegateExecution execution) {
        return ((Number) execution.getVariable(PaymentService.INSTALLMENT_ID)).longValue();
    }

    /** "Remind owner": the installment falls due soon. */
    @Component("remindOwnerOfPaymentDelegate")
    static class RemindOwner implements JavaDelegate {

        private final PaymentService payments;

        RemindOwner(PaymentService payments) {
            this.payments = payments;
        }

        @Override
        public void execute(DelegateExecution execution) {
            String owner = (String) execution.getVariable("owner");
            User user = execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(owner).singleResult();
            String email = user == null || user.getEmail() == null || user.getEmail().isBlank() ? null : user.getEmail();
            payments.remindOwner(installmentId(execution), owner, email);
        }
    }

    /** "Mark contract paid": every installment is paid. */
    @Component("markContractPaidDelegate")
    static class MarkContractPaid implements JavaDelegate {

        private final ContractService contracts;

        MarkContractPaid(ContractService contracts) {
            this.contracts = contracts;
        }

        @Override
        public void execute(DelegateExecution execution) {
            contracts.markPaid(((Number) execution.getVariable("contractId")).longValue());
        }
    }

    /**
     * Create and complete of the dunning tasks (owner, finance, GM): the task says what to chase and by when; on
     * completion the note goes on the opportunity's timeline.
     */
    @Component("dunningTaskListener")
    static class DunningTaskListener implements TaskListener {

        private final PaymentService payments;

        DunningTaskListener(PaymentService payments) {
            this.payments = payments;
        }

        @Override
        public void notify(DelegateTask task) {
            CollectionStep step = CollectionStep.ofTask(task.getTaskDefinitionKey())
                    .orElseThrow(() -> new IllegalStateException(task.getTaskDefinitionKey() + " is no dunning task"));
            long installmentId = installmentId(task.getExecution());
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                String owner = (String) task.getVariable("owner");
                List<String> recipients = step.group() == null ? List.of(owner)
                        : task.getProcessEngineServices().getIdentityService().createUserQuery().memberOfGroup(step.group().id()).list()
                                .stream().map(User::getId).toList();
                PaymentService.DunningTask dunning = payments.openDunning(installmentId, step, owner, recipients);
                task.setName(dunning.name());
                task.setDueDate(dunning.due());
                task.setVariablesLocal(dunning.variables());
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                payments.recordChase(installmentId, step, (String) task.getVariable("collectionNote"), (String) task.getVariable("promisedDate"),
                        TaskCompletion.completedBy(task));
            }
        }
    }
}
