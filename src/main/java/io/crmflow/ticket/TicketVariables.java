package io.crmflow.ticket;

import org.camunda.bpm.engine.delegate.DelegateExecution;

/** Typed access to the variables of the service-ticket process, shared by its delegates. */
final class TicketVariables {

    private TicketVariables() {
    }

    static long ticketId(DelegateExecution execution) {
        return ((Number) execution.getVariable("ticketId")).longValue();
    }

    static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }

    /** The clock a shared SLA delegate works on: the input parameter {@code clock} of its service task. */
    static ClockKind clock(DelegateExecution execution) {
        return ClockKind.valueOf(text(execution, "clock"));
    }

    /** Who completed the task or sent the message; a task listener sets it from the task's assignee. */
    static String actor(DelegateExecution execution) {
        String actor = text(execution, "outcomeBy");
        return actor == null ? "tasklist" : actor;
    }
}
