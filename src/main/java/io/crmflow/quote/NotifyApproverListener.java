package io.crmflow.quote;

import java.util.LinkedHashSet;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/** Task listener (create) of the approval tasks: an IM to the assignee, or to every member of the candidate groups. */
@Component
class NotifyApproverListener implements TaskListener {

    private final QuoteService quotes;

    NotifyApproverListener(QuoteService quotes) {
        this.quotes = quotes;
    }

    @Override
    public void notify(DelegateTask task) {
        long quoteId = ((Number) task.getVariable("quoteId")).longValue();
        ApprovalStep step = ApprovalStep.ofTask(task.getTaskDefinitionKey());
        recipients(task).forEach(recipient -> quotes.notifyApprover(quoteId, step, task.getId(), recipient));
    }

    private static Set<String> recipients(DelegateTask task) {
        Set<String> recipients = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            recipients.add(task.getAssignee());
        }
        IdentityService identity = task.getProcessEngineServices().getIdentityService();
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                // The step may be triggered by a user who may not list the group's members (e.g. the manager approving
                // before finance); who gets told must not depend on that.
                Context.getCommandContext().runWithoutAuthorization(() -> identity.createUserQuery().memberOfGroup(link.getGroupId()).list())
                        .stream().map(User::getId).forEach(recipients::add);
            } else if (link.getUserId() != null) {
                recipients.add(link.getUserId());
            }
        }
        return recipients;
    }
}
