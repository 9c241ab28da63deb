package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/customer-tier.dmn} on Drools, at and around each boundary of docs/product.md §12. */
class CustomerTierTableTest {

    @ParameterizedTest(name = "{0} CNY won in 12 months → tier {1}")
    @CsvSource({"0, C", "199999.99, C", "200000, B", "999999.99, B", "1000000, A", "25000000, A"})
    void tierByWonAmount(BigDecimal wonAmount12m, CustomerTier expected) {
        CustomerTiering.Tiered tiered = CustomerTiering.decide(ShippedRules.ruleSet(), wonAmount12m);

        assertThat(tiered.tier()).isEqualTo(expected);
        assertThat(tiered.outcome().matchedRules()).hasSize(1);
        assertThat(tiered.outcome().ruleSetVersion()).isNotBlank();
    }
}
