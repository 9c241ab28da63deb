package io.crmflow.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.rules.RuleSet;
import io.crmflow.rules.ShippedRules;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Score + assign one lead against a team of reps: the shipped rules on Drools versus the same decision in plain Java,
 * and the score table alone on Drools versus Camunda 7's DMN engine.
 * Run with {@code ./mvnw -Pjmh test-compile exec:exec}; results go to {@code target/jmh-result.json}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LeadDecisionBenchmark {

    @Param("500")
    int reps;

    private RuleSet rules;
    private DmnEngine camundaDmn;
    private DmnDecision camundaGrade;
    private List<RepCandidate> team;
    private final LeadDecisionFixture.Lead lead = new LeadDecisionFixture.Lead("REFERRAL", 10, 600, "EAST", "DEVICES", "HOSPITAL");

    @Setup
    public void setUp() {
        rules = ShippedRules.ruleSet();
        team = LeadDecisionFixture.team(reps, 42);
        camundaDmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        camundaGrade = LeadDecisionFixture.camundaGradeDecision(camundaDmn);
        LeadDecisionFixture.Decision byRules = LeadDecisionFixture.withRules(rules, lead, team);
        if (!byRules.equals(LeadDecisionFixture.handWritten(lead, team))) {
            throw new IllegalStateException("The two implementations disagree: " + byRules + " vs "
                    + LeadDecisionFixture.handWritten(lead, team));
        }
    }

    @Benchmark
    public LeadDecisionFixture.Decision droolsDmnAndDrl() {
        return LeadDecisionFixture.withRules(rules, lead, team);
    }

    @Benchmark
    public Object droolsDmnScoreOnly() {
        return LeadDecisionFixture.scoreWithRules(rules, lead);
    }

    @Benchmark
    public Object camundaDmnScoreOnly() {
        return LeadDecisionFixture.gradeWithCamunda(camundaDmn, camundaGrade, lead);
    }

    @Benchmark
    public Object droolsDrlAssignOnly() {
        return LeadDecisionFixture.assignWithRules(rules, lead, team);
    }

    @Benchmark
    public LeadDecisionFixture.Decision plainJava() {
        return LeadDecisionFixture.handWritten(lead, team);
    }
}
