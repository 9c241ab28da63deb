package io.crmflow.opportunity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Set;

import io.crmflow.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** {@code rules/opportunity-stage.dmn} as the running application reads it, row by row, against docs/product.md §3.5. */
class OpportunityStageTableTest extends IntegrationTest {

    @Autowired
    StagePolicies policies;

    @ParameterizedTest(name = "{0}: {1} %, idle {2} d, needs [{3}], next {4}")
    @CsvSource(nullValues = "none", value = {
            "INITIAL_CONTACT, 10,  3,    contactPerson firstMeetingNote,             NEEDS_CONFIRMED",
            "NEEDS_CONFIRMED, 30,  7,    requirementSummary budget decisionMaker,    PROPOSAL",
            "PROPOSAL,        50,  7,    approvedQuote,                              NEGOTIATION",
            "NEGOTIATION,     80,  7,    approvedContract,                           WON",
            "WON,             100, none, none,                                       none",
            "LOST,            0,   none, none,                                       none"})
    void stagePolicy(OpportunityStage stage, int probability, Integer idleDays, String needs, OpportunityStage next) {
        StagePolicy policy = policies.of(stage);

        assertThat(policy.winProbability()).isEqualTo(probability);
        assertThat(policy.idleReminderDays()).isEqualTo(idleDays);
        assertThat(policy.exitNeeds()).isEqualTo(needs == null ? Set.of() : Set.copyOf(Arrays.asList(needs.split(" "))));
        assertThat(policy.nextStage()).isEqualTo(next);
        assertThat(policy.label()).isNotBlank();
        assertThat(policy.idleCycle()).isEqualTo(idleDays == null ? null : "R/P" + idleDays + "D");
    }
}
