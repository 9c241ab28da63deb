package io.crmflow.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code rules/ticket-priority.dmn} and {@code rules/ticket-sla.dmn} on Drools, row by row, against docs/product.md §4. */
class TicketRulesTest {

    @ParameterizedTest(name = "{0} × tier {1} → {2}")
    @CsvSource({
            "CRITICAL, A, P1", "CRITICAL, B, P1", "CRITICAL, C, P1",
            "HIGH,     A, P1", "HIGH,     B, P2", "HIGH,     C, P2",
            "MEDIUM,   A, P2", "MEDIUM,   B, P3", "MEDIUM,   C, P3",
            "LOW,      A, P3", "LOW,      B, P4", "LOW,      C, P4"})
    void priority(Severity severity, CustomerTier tier, Priority expected) {
        assertThat(TicketRules.priority(ShippedRules.ruleSet(), tier, severity)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: first response {1} h, resolution {2} h, 24×7 {3}")
    @CsvSource({"P1, 1, 4, true", "P2, 4, 16, false", "P3, 8, 40, false", "P4, 16, 80, false"})
    void slaTargets(Priority priority, int firstResponseHours, int resolutionHours, boolean roundTheClock) {
        SlaTargets targets = TicketRules.sla(ShippedRules.ruleSet(), priority);

        assertThat(targets.firstResponse()).isEqualTo(Duration.ofHours(firstResponseHours));
        assertThat(targets.resolution()).isEqualTo(Duration.ofHours(resolutionHours));
        assertThat(targets.roundTheClock()).isEqualTo(roundTheClock);
        assertThat(targets.warningPercent()).isEqualTo(75);
        assertThat(targets.autoCloseBusinessDays()).isEqualTo(3);
        assertThat(targets.reopenWindowDays()).isEqualTo(7);
    }
}
