package io.crmflow.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import io.crmflow.lead.assignment.AssignedRep;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.CandidateTeam;
import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.rules.MatchedRule;
import io.crmflow.rules.RuleFiring;
import io.crmflow.rules.RuleSet;
import io.crmflow.rules.ShippedRules;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Score + assign one lead against a team of reps: the rules as the product calls them, as they were called before the
 * per-version caches, and the same decision in plain Java; and the score table alone on Drools versus Camunda 7's DMN
 * engine. Run with {@code ./mvnw -Pjmh test-compile exec:exec} (every benchmark of the package) or
 * {@code bench/lead-decision.sh} (this one, shorter); results go to {@code target/jmh-result.json}.
 * <p>
 * Three workloads, because the product's caches make the cost depend on what came before:
 * <ul>
 *   <li>{@code same*}: one lead over and over against an unchanged team — every score is a cache hit and the pooled
 *       session has nothing to update: the floor.</li>
 *   <li>{@code rotating*}: 4 096 random leads in turn (random source, 0–14 visits, 0–899 s dwell, random region,
 *       product line and industry). Scores repeat (the cache holds them all after warm-up), assignments differ.</li>
 *   <li>{@code intake*}: as {@code rotating}, and after every decision the team changes as in real intake: the winner
 *       has one more open lead and another rep (round robin) one fewer, so the pooled session must update two reps
 *       before each decision. Every lead also has fresh score inputs out of 108 000 (8 sources × 15 × 900); the score
 *       cache keys them by the intervals the tables tell apart (8 × 7 × 7 classes at most), so after warm-up it hits
 *       as it does for {@code rotating}, and only the pooled session has work to do.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LeadDecisionBenchmark {

    private static final int ROTATING_LEADS = 4096;

    @Param("500")
    int reps;

    private RuleSet rules;
    private KieContainer before;
    private DmnEngine camundaDmn;
    private DmnDecision camundaGrade;
    private List<RepCandidate> team;
    private final LeadDecisionFixture.Lead lead = new LeadDecisionFixture.Lead("REFERRAL", 10, 600, "EAST", "DEVICES", "HOSPITAL");
    private final List<LeadDecisionFixture.Lead> rotating = new ArrayList<>();

    @Setup
    public void setUp() throws IOException {
        rules = ShippedRules.ruleSet();
        before = compileBeforeDrl();
        team = LeadDecisionFixture.team(reps, 42);
        camundaDmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        camundaGrade = LeadDecisionFixture.camundaGradeDecision(camundaDmn);
        Random random = new Random(7);
        for (int i = 0; i < ROTATING_LEADS; i++) {
            rotating.add(LeadDecisionFixture.randomLead(random));
        }
        for (LeadDecisionFixture.Lead each : rotating.subList(0, 200)) {
            LeadDecisionFixture.Decision byRules = LeadDecisionFixture.withRules(rules, each, team);
            LeadDecisionFixture.Decision byJava = LeadDecisionFixture.handWritten(each, team);
            if (!byRules.equals(byJava) || !beforeCaches(each, team).equals(byJava)) {
                throw new IllegalStateException("The implementations disagree on " + each + ": rules " + byRules + ", before "
                        + beforeCaches(each, team) + ", Java " + byJava);
            }
        }
    }

    /** A team that changes between decisions as in intake, and fresh score inputs for every lead. */
    @State(Scope.Thread)
    public static class Intake {
        final Random random = new Random(11);
        List<RepCandidate> team;
        int closing;

        @Setup(Level.Iteration)
        public void setUp(LeadDecisionBenchmark benchmark) {
            team = new ArrayList<>(benchmark.team);
        }

        LeadDecisionFixture.Lead next() {
            return LeadDecisionFixture.randomLead(random);
        }

        /** The winner got the lead; some other rep closed one. */
        void afterDecision(String winner) {
            if (winner != null) {
                for (int i = 0; i < team.size(); i++) {
                    if (team.get(i).getUserId().equals(winner)) {
                        team.set(i, withLoad(team.get(i), team.get(i).getOpenLeads() + 1));
                        break;
                    }
                }
            }
            for (int tried = 0; tried < team.size(); tried++) {
                closing = (closing + 1) % team.size();
                RepCandidate rep = team.get(closing);
                if (rep.getOpenLeads() > 0) {
                    team.set(closing, withLoad(rep, rep.getOpenLeads() - 1));
                    return;
                }
            }
        }

        private static RepCandidate withLoad(RepCandidate rep, int openLeads) {
            return new RepCandidate(rep.getUserId(), rep.getRegions(), rep.getProductLines(), rep.getIndustries(), rep.getCapacity(),
                    openLeads, rep.isAvailable());
        }
    }

    /** Where the rotating workloads are in their list of leads. */
    @State(Scope.Thread)
    public static class Rotation {
        int next;

        LeadDecisionFixture.Lead next(LeadDecisionBenchmark benchmark) {
            next = (next + 1) % ROTATING_LEADS;
            return benchmark.rotating.get(next);
        }
    }

    // --- one lead, unchanged team ---

    /** The product: the score remembered per class of inputs and rule-set version, the assignment in a pooled session that keeps the team. */
    @Benchmark
    public LeadDecisionFixture.Decision sameRules() {
        return LeadDecisionFixture.withRules(rules, lead, team);
    }

    /** Before the caches: the score table evaluated, a new KIE session that walks the team handed as one fact. */
    @Benchmark
    public LeadDecisionFixture.Decision sameBeforeCaches() {
        return beforeCaches(lead, team);
    }

    @Benchmark
    public LeadDecisionFixture.Decision samePlainJava() {
        return LeadDecisionFixture.handWritten(lead, team);
    }

    // --- 4 096 leads in turn, unchanged team ---

    @Benchmark
    public LeadDecisionFixture.Decision rotatingRules(Rotation rotation) {
        return LeadDecisionFixture.withRules(rules, rotation.next(this), team);
    }

    @Benchmark
    public LeadDecisionFixture.Decision rotatingBeforeCaches(Rotation rotation) {
        return beforeCaches(rotation.next(this), team);
    }

    @Benchmark
    public LeadDecisionFixture.Decision rotatingPlainJava(Rotation rotation) {
        return LeadDecisionFixture.handWritten(rotation.next(this), team);
    }

    // --- fresh leads, team changing after every decision ---

    @Benchmark
    public LeadDecisionFixture.Decision intakeRules(Intake intake) {
        LeadDecisionFixture.Decision decision = LeadDecisionFixture.withRules(rules, intake.next(), intake.team);
        intake.afterDecision(decision.owner());
        return decision;
    }

    @Benchmark
    public LeadDecisionFixture.Decision intakeBeforeCaches(Intake intake) {
        LeadDecisionFixture.Decision decision = beforeCaches(intake.next(), intake.team);
        intake.afterDecision(decision.owner());
        return decision;
    }

    @Benchmark
    public LeadDecisionFixture.Decision intakePlainJava(Intake intake) {
        LeadDecisionFixture.Decision decision = LeadDecisionFixture.handWritten(intake.next(), intake.team);
        intake.afterDecision(decision.owner());
        return decision;
    }

    // --- the score table alone ---

    @Benchmark
    public Object droolsDmnScoreOnly() {
        return LeadDecisionFixture.scoreWithRulesUncached(rules, lead);
    }

    @Benchmark
    public Object camundaDmnScoreOnly() {
        return LeadDecisionFixture.gradeWithCamunda(camundaDmn, camundaGrade, lead);
    }

    /**
     * The decision as it was made before the per-version caches (the product up to issue 25): the score table evaluated
     * every time, then {@code src/test/resources/bench/lead-assignment-before.drl} — the assignment rules of that time,
     * which walk the team handed as one fact with {@code from} — in a new KIE session with the same listener, disposed
     * after the decision.
     */
    private LeadDecisionFixture.Decision beforeCaches(LeadDecisionFixture.Lead lead, List<RepCandidate> team) {
        LeadDecisionFixture.Decision scored = LeadDecisionFixture.scoreOf(LeadDecisionFixture.scoreWithRulesUncached(rules, lead));
        KieSession session = before.newKieSession();
        try {
            Set<MatchedRule> fired = new LinkedHashSet<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(new MatchedRule(event.getMatch().getRule().getPackageName(), event.getMatch().getRule().getName()));
                }
            });
            session.insert(new AssignmentLead(lead.region(), lead.productLine(), lead.industry(), Set.of()));
            session.insert(new CandidateTeam(team));
            session.fireAllRules();
            RuleFiring firing = new RuleFiring(List.copyOf(session.getObjects()), List.copyOf(fired), "before");
            Optional<AssignedRep> winner = firing.factsOfType(AssignedRep.class).stream().findFirst();
            return new LeadDecisionFixture.Decision(scored.score(), scored.grade(), winner.map(AssignedRep::getUserId).orElse(null));
        } finally {
            session.dispose();
        }
    }

    private static KieContainer compileBeforeDrl() throws IOException {
        KieServices kie = KieServices.Factory.get();
        ReleaseId releaseId = kie.newReleaseId("io.crmflow.bench", "lead-assignment-before", "1.0");
        KieFileSystem files = kie.newKieFileSystem();
        files.generateAndWritePomXML(releaseId);
        files.write(kie.getResources().newByteArrayResource(Files.readAllBytes(Path.of("src/test/resources/bench/lead-assignment-before.drl")))
                .setSourcePath("src/main/resources/bench/lead-assignment-before.drl").setResourceType(ResourceType.DRL));
        List<Message> errors = kie.newKieBuilder(files).buildAll(ExecutableModelProject.class).getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            throw new IllegalStateException("lead-assignment-before.drl does not compile: " + errors);
        }
        return kie.newKieContainer(releaseId);
    }
}
