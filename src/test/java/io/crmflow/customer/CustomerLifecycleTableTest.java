package io.crmflow.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import io.crmflow.opportunity.CustomerOrders.WonOrders;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/customer-lifecycle.dmn} on Drools against the stages of docs/product.md §12. */
class CustomerLifecycleTableTest {

    private static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");

    @ParameterizedTest(name = "{0} won, first {1} days ago, latest {2} days ago, open warning {3} → {4}")
    @CsvSource(nullValues = "none", value = {
            "0, none, none, false, POTENTIAL",
            "0, none, none, true,  POTENTIAL",
            "1, 10,   10,   false, NEW",
            "3, 364,  20,   false, NEW",
            "3, 365,  20,   false, EXISTING",
            "5, 900,  364,  false, EXISTING",
            "5, 900,  365,  false, CHURNED",
            "1, 400,  400,  false, CHURNED",
            "2, 100,  30,   true,  CHURNED",
            "4, 800,  10,   true,  CHURNED"})
    void stage(long won, Integer daysSinceFirst, Integer daysSinceLast, boolean openChurnWarning, CustomerLifecycle expected) {
        WonOrders orders = new WonOrders(BigDecimal.ZERO, won, daysAgo(daysSinceFirst), daysAgo(daysSinceLast));

        CustomerLifecycles.Staged staged = CustomerLifecycles.decide(ShippedRules.ruleSet(), orders, openChurnWarning, NOW);

        assertThat(staged.lifecycle()).isEqualTo(expected);
        assertThat(staged.outcome().matchedRules()).hasSize(1);
    }

    private static Instant daysAgo(Integer days) {
        return days == null ? null : NOW.minus(Duration.ofDays(days));
    }
}
