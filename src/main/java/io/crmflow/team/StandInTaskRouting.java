package io.crmflow.team;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.process.EngineExtensions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one place where a task meant for someone away goes to whoever stands in for them (docs/product.md §14), for every
 * user task of every process: a parse listener gives each user task a "create" listener (after the task's own listeners
 * have chosen its assignee and candidates) and a built-in "complete" listener (before the task's own listeners record
 * the decision). Open tasks are re-routed through the same {@link #route} when a period begins ({@link OpenTaskRerouting}).
 *
 * <p>Who a deputy stood in for is kept on the task ({@code standingIn.<deputy>}); on completion it is copied to the process
 * for the step that records the decision ({@link StandIns#decidedFor}). User tasks marked with the extension property
 * {@code crmflow.approval=true} are approvals: approval deputies take them, and nobody takes the approval of their own record.
 */
@Component
class StandInTaskRouting extends AbstractProcessEnginePlugin {

    static final String STANDING_IN = "standingIn.";
    static final String ORIGINAL_ASSIGNEE = "originalAssignee";
    static final String APPROVAL_PROPERTY = "crmflow.approval";
    /** The process variable naming the record's owner (lead, quote, contract …), who never approves their own record. */
    static final String OWNER = "owner";

    // Lazily: both depend on engine services, which this plugin helps build.
    private final ObjectProvider<StandIns> standIns;
    private final ObjectProvider<Notifications> notifications;

    StandInTaskRouting(ObjectProvider<StandIns> standIns, ObjectProvider<Notifications> notifications) {
        this.standIns = standIns;
        this.notifications = notifications;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addPostParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, StandInTaskRouting.this::route);
                definition.addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, StandInTaskRouting::handOverMarks);
            }
        });
    }

    /**
     * Sends the task on if the person it is meant for is away today. A new task, and an open approval, goes to the stand-in;
     * another open task is re-offered to the stand-in as a candidate (the original assignee too, and on record), so whoever
     * is there first takes it. Candidate users away get their stand-in added; an approval offered to a group gets the
     * approval deputies of its members added.
     */
    void route(DelegateTask task) {
        boolean approval = isApproval(task);
        // Only approvals need the record's owner; read from the execution, as a task being created has no variables of its
        // own and asking it would first look for them in the database.
        Object owner = approval && task.getExecution() != null ? task.getExecution().getVariable(OWNER) : null;
        String assignee = task.getAssignee();
        if (assignee != null) {
            standInFor(assignee, approval, owner).ifPresent(deputy -> {
                if (approval || TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
                    task.setAssignee(deputy);
                } else {
                    task.setAssignee(null);
                    task.addCandidateUser(deputy);
                    task.addCandidateUser(assignee);
                }
                task.setVariableLocal(ORIGINAL_ASSIGNEE, assignee);
                standingIn(task, deputy, assignee);
            });
            return;
        }
        for (IdentityLink link : List.copyOf(task.getCandidates())) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                standInFor(link.getUserId(), approval, owner).ifPresent(deputy -> offer(task, deputy, link.getUserId()));
            } else if (approval) {
                for (User member : members(task, link.getGroupId())) {
                    standInFor(member.getId(), true, owner).ifPresent(deputy -> offer(task, deputy, member.getId()));
                }
            }
        }
    }

    private Optional<String> standInFor(String userId, boolean approval, Object owner) {
        return standIns.getObject().standInFor(userId, approval).filter(deputy -> !(approval && deputy.equals(owner)));
    }

    private void offer(DelegateTask task, String deputy, String forWhom) {
        if (task.getCandidates().stream().noneMatch(link -> deputy.equals(link.getUserId()))) {
            task.addCandidateUser(deputy);
        }
        standingIn(task, deputy, forWhom);
    }

    private void standingIn(DelegateTask task, String deputy, String forWhom) {
        task.setVariableLocal(STANDING_IN + deputy, forWhom);
        String name = Objects.requireNonNullElse(task.getName(), task.getTaskDefinitionKey());
        notifications.getObject().send(new Notification(Channel.IM, deputy, "代班任务 Task while " + forWhom + " is away: " + name,
                "你代 " + forWhom + " 处理 You stand in for " + forWhom + ": " + name, "task:" + task.getId(),
                "task:" + task.getId() + ":stand-in:" + deputy + ":for:" + forWhom));
    }

    private static List<User> members(DelegateTask task, String groupId) {
        return Context.getCommandContext().runWithoutAuthorization(() -> task.getProcessEngineServices().getIdentityService()
                .createUserQuery().memberOfGroup(groupId).list());
    }

    private static boolean isApproval(DelegateTask task) {
        UserTask element = task.getBpmnModelElementInstance();
        if (element == null || element.getExtensionElements() == null) {
            return false;
        }
        return element.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(property -> APPROVAL_PROPERTY.equals(property.getCamundaName()) && "true".equals(property.getCamundaValue()));
    }

    /** Complete: who stood in for whom goes to the process, for the step that records the decision. */
    private static void handOverMarks(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        if (execution == null) {
            return;
        }
        task.getVariablesLocal().forEach((name, value) -> {
            if (name.startsWith(STANDING_IN)) {
                execution.getProcessInstance().setVariable(name, value);
            }
        });
    }
}
