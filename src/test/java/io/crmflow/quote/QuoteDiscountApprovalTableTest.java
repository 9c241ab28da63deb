package io.crmflow.quote;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/quote-discount-approval.dmn} row by row against docs/product.md §3.6, boundaries included, on the Drools DMN engine. */
class QuoteDiscountApprovalTableTest {

    @ParameterizedTest(name = "{0} % off list -> {1} (row {2})")
    @CsvSource({
            "0,      NONE,                       1",
            "9.99,   NONE,                       1",
            "10,     NONE,                       1",
            "10.00,  NONE,                       1",
            "10.01,  SALES_MANAGER,              2",
            "15,     SALES_MANAGER,              2",
            "20,     SALES_MANAGER,              2",
            "20.01,  SALES_MANAGER_THEN_FINANCE, 3",
            "35,     SALES_MANAGER_THEN_FINANCE, 3",
            "100,    SALES_MANAGER_THEN_FINANCE, 3"})
    void approvalRoute(BigDecimal discountPercent, String approval, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate("quote-discount-approval", Map.of("discountPercent", discountPercent));

        assertThat(outcome.result("discountApproval")).isEqualTo(approval);
        assertThat(outcome.matchedRules()).containsExactly(new MatchedRule("discountApproval", String.valueOf(row)));
    }
}
