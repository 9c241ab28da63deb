package io.crmflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/contract-approval.dmn} row by row against docs/product.md §3.7, the 500 000 CNY boundary included, on the Drools DMN engine. */
class ContractApprovalTableTest {

    @ParameterizedTest(name = "{0} CNY -> {1} (row {2})")
    @CsvSource({
            "0.01,        LEGAL_AND_SALES_MANAGER, 1",
            "77000,       LEGAL_AND_SALES_MANAGER, 1",
            "499999.99,   LEGAL_AND_SALES_MANAGER, 1",
            "500000,      LEGAL_AND_SALES_MANAGER, 1",
            "500000.00,   LEGAL_AND_SALES_MANAGER, 1",
            "500000.01,   LEGAL_FINANCE_AND_GM,    2",
            "600000,      LEGAL_FINANCE_AND_GM,    2",
            "99999999.99, LEGAL_FINANCE_AND_GM,    2"})
    void approvers(BigDecimal amount, ContractRoute route, int row) {
        DecisionOutcome outcome = ShippedRules.ruleSet().evaluate("contract-approval", Map.of("amount", amount));

        assertThat(outcome.result("contractApproval")).isEqualTo(route.name());
        assertThat(outcome.matchedRules()).containsExactly(new MatchedRule("contractApproval", String.valueOf(row)));
    }
}
