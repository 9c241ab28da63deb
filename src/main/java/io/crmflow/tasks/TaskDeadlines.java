package io.crmflow.tasks;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.process.EngineClock;
import io.crmflow.process.EngineExtensions;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.DecisionOutcome;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every user task of every process gets a due date and a priority that mean something (docs/product.md §16), from
 * {@code rules/task-deadline.dmn}: a task whose process sets no due date of its own is due the table's business hours
 * (business calendar) after it is created; its priority follows the lead's grade or the ticket's priority. The forms
 * show the due time as {@code dueAt} ("2026-12-08 17:00 北京时间") next to Tasklist's relative "due in 2 days", filled in
 * when the form is loaded.
 */
@Component
class TaskDeadlines extends AbstractProcessEnginePlugin implements TaskListener {

    static final String MODEL = "task-deadline";
    static final String DUE_AT = "dueAt";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 北京时间 'Beijing time'");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    // Lazily: the rule set and calendar are beans built after the engine this plugin configures.
    private final ObjectProvider<ActiveRuleSet> rules;
    private final ObjectProvider<BusinessCalendars> calendars;

    TaskDeadlines(ObjectProvider<ActiveRuleSet> rules, ObjectProvider<BusinessCalendars> calendars) {
        this.rules = rules;
        this.calendars = calendars;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        TaskListener self = this;
        EngineExtensions.addPostParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition().addTaskListener(EVENTNAME_CREATE, self);
            }
        });
        EngineExtensions.addTaskFormVariables(configuration, TaskDeadlines::showDueAt);
    }

    @Override
    public void notify(DelegateTask task) {
        // Two inputs of a few dozen values each: each version evaluates each pair once and remembers the outcome.
        Map<String, Object> inputs = Map.of("task", task.getTaskDefinitionKey(), "urgency", urgency(task));
        DecisionOutcome outcome = rules.getObject().decide(MODEL, ruleSet -> ruleSet.evaluateRemembered(MODEL, inputs));
        if (task.getDueDate() == null) {
            Object hours = outcome.result("taskDueHours");
            if (!(hours instanceof Number number)) {
                throw new DecisionFailedException(MODEL + ": no due hours for task " + task.getTaskDefinitionKey());
            }
            task.setDueDate(Date.from(calendars.getObject().addBusinessHours(EngineClock.now(), number.longValue())));
        }
        if (outcome.result("taskPriority") instanceof Number priority) {
            task.setPriority(priority.intValue());
        }
    }

    /**
     * {@code dueAt} in the form of a task that has a due date, from that due date as it is when the form is loaded (it
     * follows a due date changed in Tasklist). Not stored as a variable: a task-local variable cost every new task a
     * runtime row and a history row, written again when it ended, for a text the due date already holds.
     */
    private static void showDueAt(EngineExtensions.TaskForm form) {
        if (form.task().getDueDate() != null) {
            form.show(DUE_AT, SHOWN.format(form.task().getDueDate().toInstant().atZone(SHANGHAI)));
        }
    }

    /**
     * The lead's grade (lead processes) or the ticket's priority (ticket processes); "-" for the others. Read from the
     * task's execution: a task being created has no variables of its own yet, and asking the task would first look for
     * them in the database (a query per new task).
     */
    private static String urgency(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        for (String name : List.of("grade", "priority")) {
            if (execution != null && execution.getVariable(name) instanceof String value && !value.isBlank()) {
                return value;
            }
        }
        return "-";
    }
}
