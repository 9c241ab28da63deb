package io.crmflow.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/payment-collection.dmn} row by row against docs/product.md §3.8, on the Drools DMN engine. */
class PaymentCollectionTableTest {

    @ParameterizedTest(name = "{0} -> {1} days from the due date (row {2})")
    @CsvSource({
            "REMINDER,     -3, 1",
            "OWNER,         1, 2",
            "FINANCE,       7, 3",
            "GM,           30, 4",
            "DEFAULT_TERM, 30, 5"})
    void daysFromTheDueDate(CollectionStep step, int days, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate(PaymentTerms.MODEL, Map.of("step", step.name()));

        assertThat((BigDecimal) outcome.result("paymentCollection")).isEqualByComparingTo(BigDecimal.valueOf(days));
        assertThat(outcome.matchedRules()).containsExactly(new MatchedRule("paymentCollection", String.valueOf(row)));
    }
}
