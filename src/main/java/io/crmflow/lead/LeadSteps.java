package io.crmflow.lead;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.crmflow.process.RetriedOnConcurrentChange;
import io.crmflow.process.TaskCompletion;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lead's steps for API clients ({@code POST /api/leads/{id}/contact}, {@code …/qualify}, {@code …/nurture},
 * {@code …/disqualify}): each completes the task Tasklist would complete, with the variables its form submits, so the
 * process records the step and goes on exactly as after Tasklist. Who may work a lead: its owner, the region's manager,
 * administrators.
 */
@Service
@RetriedOnConcurrentChange
class LeadSteps {

    private final LeadService leads;
    private final TaskService taskService;

    LeadSteps(LeadService leads, TaskService taskService) {
        this.leads = leads;
        this.taskService = taskService;
    }

    @Transactional
    Lead contact(long id, LeadStepRequests.Contact contact, LeadAccess.Viewer viewer) {
        return complete(id, LeadStep.CONTACT, viewer, contact.variables(viewer.userId()));
    }

    /** Qualified or nurture: an outcome of the qualify step, which follows the contact step. */
    @Transactional
    Lead decide(long id, LeadOutcome outcome, LeadStepRequests.Decision decision, LeadAccess.Viewer viewer) {
        return complete(id, LeadStep.QUALIFY, viewer, decision.variables(outcome, viewer.userId()));
    }

    @Transactional
    Lead disqualify(long id, LeadStepRequests.Disqualification disqualification, LeadAccess.Viewer viewer) {
        return complete(id, LeadStep.QUALIFY, viewer, disqualification.variables(viewer.userId()));
    }

    private Lead complete(long id, LeadStep step, LeadAccess.Viewer viewer, Map<String, Object> variables) {
        Lead lead = leads.visibleLead(id, viewer);
        if (!viewer.canWork(lead)) {
            throw new ForbiddenException("Only the lead's owner, the manager of region " + lead.region() + " or an administrator can work lead " + id);
        }
        Task task = waitingTask(lead, step).orElseThrow(() -> notAt(lead, step));
        TaskCompletion.complete(taskService, task.getId(), variables,
                "Lead " + id + " left the " + step + " step a moment ago (someone else completed it)");
        return leads.get(id);
    }

    private Optional<Task> waitingTask(Lead lead, LeadStep step) {
        if (lead.processInstanceId() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(taskService.createTaskQuery().processInstanceId(lead.processInstanceId())
                .taskDefinitionKey(step.taskKey()).singleResult());
    }

    /** 409 naming the step the lead is at instead (none once it is nurtured, converted or disqualified). */
    private ConflictException notAt(Lead lead, LeadStep wanted) {
        Optional<LeadStep> current = lead.processInstanceId() == null ? Optional.empty()
                : taskService.createTaskQuery().processInstanceId(lead.processInstanceId()).list().stream()
                .map(task -> LeadStep.ofTask(task.getTaskDefinitionKey())).flatMap(Optional::stream).findFirst();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("status", lead.status().name());
        current.ifPresent(step -> details.put("step", step.name()));
        String where = current.map(step -> "at the " + step + " step").orElse("at no step (status " + lead.status() + ")");
        return new ConflictException("Lead " + lead.id() + " is " + where + ", not at the " + wanted + " step", details);
    }
}
