package io.crmflow.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.rules.ShippedRules;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The benchmark compares like with like only if the hand-written decision and Camunda's DMN engine decide as the rules do. */
class LeadDecisionFixtureTest {

    /** With 500 reps every lead finds someone; a team of 12 leaves some leads to the pool. */
    @ParameterizedTest
    @ValueSource(ints = {500, 12})
    void handWrittenJavaDecidesExactlyAsTheShippedRulesFor300RandomLeads(int teamSize) {
        List<RepCandidate> team = LeadDecisionFixture.team(teamSize, 42);
        Random random = new Random(7);
        int pooled = 0;
        for (int i = 0; i < 300; i++) {
            LeadDecisionFixture.Lead lead = LeadDecisionFixture.randomLead(random);
            LeadDecisionFixture.Decision expected = LeadDecisionFixture.withRules(ShippedRules.ruleSet(), lead, team);
            assertThat(LeadDecisionFixture.handWritten(lead, team)).as(lead.toString()).isEqualTo(expected);
            pooled += expected.owner() == null ? 1 : 0;
        }
        DmnEngine camunda = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        DmnDecision grade = LeadDecisionFixture.camundaGradeDecision(camunda);
        Random again = new Random(7);
        for (int i = 0; i < 300; i++) {
            LeadDecisionFixture.Lead lead = LeadDecisionFixture.randomLead(again);
            assertThat(LeadDecisionFixture.gradeWithCamunda(camunda, grade, lead)).as(lead.toString())
                    .isEqualTo(LeadDecisionFixture.withRules(ShippedRules.ruleSet(), lead, team).grade());
        }
        if (teamSize < 100) {
            assertThat(pooled).as("leads nobody is eligible for").isBetween(1, 299);
        }
    }
}
