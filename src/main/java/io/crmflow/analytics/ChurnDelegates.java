package io.crmflow.analytics;

import java.time.LocalDate;
import java.time.ZoneOffset;

import io.crmflow.process.EngineClock;
import io.crmflow.process.TaskCompletion;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The steps of {@code processes/customer-churn.bpmn}, each a thin call into {@link ChurnWatch}. */
final class ChurnDelegates {

    private ChurnDelegates() {
    }

    /** "Find customers at risk": the day's check is named by its date, so Cockpit shows which day it was. */
    @Component("findCustomersAtRiskDelegate")
    static class FindCustomersAtRisk implements JavaDelegate {

        private final ChurnWatch churn;

        FindCustomersAtRisk(ChurnWatch churn) {
            this.churn = churn;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setProcessBusinessKey("churn-check:" + LocalDate.ofInstant(EngineClock.now(), ZoneOffset.UTC));
            execution.setVariable("churnWarningIds", churn.warnCustomersAtRisk());
        }
    }

    /** Create and complete of "Retain customer": the account owner's task, and what they did. */
    @Component("retainCustomerTaskListener")
    static class RetainCustomerTaskListener implements TaskListener {

        private final ChurnWatch churn;

        RetainCustomerTaskListener(ChurnWatch churn) {
            this.churn = churn;
        }

        @Override
        public void notify(DelegateTask task) {
            long warningId = ((Number) task.getVariable("churnWarningId")).longValue();
            if (EVENTNAME_CREATE.equals(task.getEventName())) {
                ChurnWatch.RetentionTask retention = churn.openTask(warningId);
                task.setVariablesLocal(retention.variables());
                task.setAssignee(retention.assignee());
                task.setName(retention.name());
            } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
                churn.recordHandled(warningId, (String) task.getVariable("retentionNote"), TaskCompletion.completedBy(task));
            }
        }
    }
}
