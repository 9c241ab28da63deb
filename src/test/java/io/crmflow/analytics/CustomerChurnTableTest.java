package io.crmflow.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/customer-churn.dmn} row by row against docs/product.md §7 (A customers: 90 days without an order), on the Drools DMN engine. */
class CustomerChurnTableTest {

    @ParameterizedTest(name = "tier {0} -> {1} days (row {2})")
    @CsvSource(nullValues = "none", value = {"A, 90, 1", "B, none, 2", "C, none, 2"})
    void daysWithoutAnOrderBeforeAWarning(String tier, Integer days, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate(ChurnWatch.MODEL, Map.of("tier", tier));

        if (days == null) {
            assertThat(outcome.result("customerChurn")).isNull();
        } else {
            assertThat((BigDecimal) outcome.result("customerChurn")).isEqualByComparingTo(BigDecimal.valueOf(days));
        }
        assertThat(outcome.matchedRules()).containsExactly(new MatchedRule("customerChurn", String.valueOf(row)));
    }
}
