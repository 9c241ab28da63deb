package io.crmflow.payment;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Databases from before the installment status was stored (V14) know OPEN, PARTIALLY_PAID and PAID from the amounts,
 * but not which installments the dunning ladder had already reached. On start, every unpaid installment whose branch
 * of the collection process is past the overdue timer (waiting for its payment, no longer for the reminder or the first
 * overdue step) is marked OVERDUE, as that step does from now on. A branch still before the ladder is left to its
 * timer, so the status never runs ahead of the ladder. A second start finds nothing to do.
 */
@Component
class OverdueInstallments implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OverdueInstallments.class);
    /** Where an installment's branch waits until its ladder starts. */
    private static final String[] BEFORE_THE_LADDER = {"Timer_ReminderDue", "Timer_OneDayOverdue"};
    /** Where an installment's branch waits for its payment, from its start to its end. */
    private static final String AWAITING_PAYMENT = "Event_InstallmentPaid";

    private final PaymentRepository payments;
    private final PaymentService service;
    private final InstallmentPlanner planner;
    private final RuntimeService runtime;

    OverdueInstallments(PaymentRepository payments, PaymentService service, InstallmentPlanner planner, RuntimeService runtime) {
        this.payments = payments;
        this.service = service;
        this.planner = planner;
        this.runtime = runtime;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        Map<Long, List<Installment>> byContract = payments.dueButNotOverdue(planner.today()).stream()
                .collect(Collectors.groupingBy(Installment::contractId));
        int marked = 0;
        for (Map.Entry<Long, List<Installment>> contract : byContract.entrySet()) {
            ProcessInstance collection = runtime.createProcessInstanceQuery().processDefinitionKey(PaymentService.PROCESS_KEY)
                    .processInstanceBusinessKey(String.valueOf(contract.getKey())).active().singleResult();
            if (collection == null) {
                continue;
            }
            Set<Long> dunned = installmentsAt(collection, AWAITING_PAYMENT);
            dunned.removeAll(installmentsAt(collection, BEFORE_THE_LADDER));
            for (Installment installment : contract.getValue()) {
                if (dunned.contains(installment.id())) {
                    service.markOverdue(installment);
                    marked++;
                }
            }
        }
        if (marked > 0) {
            log.info("Marked {} installments OVERDUE whose dunning ladder had started before their status was stored", marked);
        }
    }

    private Set<Long> installmentsAt(ProcessInstance collection, String... activityIds) {
        Set<Long> installments = new HashSet<>();
        for (String activityId : activityIds) {
            runtime.createExecutionQuery().processInstanceId(collection.getId()).activityId(activityId).list().forEach(execution ->
                    installments.add(((Number) runtime.getVariable(execution.getId(), PaymentService.INSTALLMENT_ID)).longValue()));
        }
        return installments;
    }
}
