package io.crmflow.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.ShippedRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code rules/follow-up-cadence.dmn} row by row against docs/product.md §13 (A: a VISIT every 7 days and 2 DEMOs a month;
 * B: a VISIT, CALL or ONLINE_MEETING every 14 days; C: any activity every 30 days), on the Drools DMN engine.
 */
class FollowUpCadenceTableTest {

    @ParameterizedTest(name = "tier {0}: {1} every {2} days, {3} demos a month from day {4} (row {5})")
    @CsvSource(delimiter = '|', value = {
            "A | VISIT                                  | 7  | 2 | 15 | 1",
            "B | VISIT CALL ONLINE_MEETING              | 14 | 0 | 1  | 2",
            "C | VISIT CALL ONLINE_MEETING DEMO EMAIL IM | 30 | 0 | 1  | 3"})
    void eachTiersCadence(String tier, String kinds, int everyDays, int demos, int demosFrom, int row) {
        FollowUpCadence cadence = FollowUpCadence.decide(ShippedRules.ruleSet(), CustomerTier.valueOf(tier));

        Set<ActivityKind> expected = Arrays.stream(kinds.split(" ")).map(ActivityKind::valueOf).collect(Collectors.toSet());
        assertThat(cadence.contactKinds()).isEqualTo(expected);
        assertThat(cadence.everyDays()).isEqualTo(everyDays);
        assertThat(cadence.demosPerMonth()).isEqualTo(demos);
        assertThat(cadence.demosDueFromDay()).isEqualTo(demosFrom);
        assertThat(ShippedRules.ruleSet().evaluate(FollowUpCadence.MODEL, Map.of("tier", tier)).matchedRules())
                .containsExactly(new MatchedRule("followUpCadence", String.valueOf(row)));
    }

    @Test
    void theTaskDescribesTierAsCadenceInWords() {
        assertThat(FollowUpCadence.decide(ShippedRules.ruleSet(), CustomerTier.A).describe())
                .isEqualTo("拜访 Visit 每 7 天 every 7 days, 演示 Demo 每月 2 次 2 a month");
    }
}
