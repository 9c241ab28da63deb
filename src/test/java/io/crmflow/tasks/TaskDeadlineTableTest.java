package io.crmflow.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/task-deadline.dmn} row by row (docs/product.md §16: every task has a due date, its priority means something). */
class TaskDeadlineTableTest {

    @ParameterizedTest(name = "{0}: due after {1} business hours (row {2})")
    @CsvSource({"Task_DispatchLead, 4, 1", "Task_ReviewStalledLead, 9, 2", "Task_AdvanceStage, 45, 3", "Task_HandleBreach, 4, 4",
            "Task_FollowUpIdle, 18, 5", "Task_SomethingNew, 18, 5"})
    void dueHoursPerTask(String task, int hours, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate(TaskDeadlines.MODEL, Map.of("task", task, "urgency", "-"));

        assertThat((BigDecimal) outcome.result("taskDueHours")).isEqualByComparingTo(BigDecimal.valueOf(hours));
        assertThat(outcome.matchedRules()).contains(new MatchedRule("taskDueHours", String.valueOf(row)));
    }

    @ParameterizedTest(name = "{0}: priority {1} (row {2})")
    @CsvSource({"P1, 90, 1", "A, 75, 2", "P2, 75, 2", "B, 60, 3", "P3, 60, 3", "C, 40, 4", "P4, 40, 4", "D, 25, 5", "-, 50, 6"})
    void priorityFromTheLeadGradeOrTheTicketPriority(String urgency, int priority, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate(TaskDeadlines.MODEL, Map.of("task", "Task_ContactLead", "urgency", urgency));

        assertThat((BigDecimal) outcome.result("taskPriority")).isEqualByComparingTo(BigDecimal.valueOf(priority));
        assertThat(outcome.matchedRules()).contains(new MatchedRule("taskPriority", String.valueOf(row)));
    }
}
