package io.crmflow.lead;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.function.IntConsumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.lead.assignment.AssignedRep;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.CandidateTeam;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.DecisionReplayer;
import io.crmflow.rules.ReplayReport;
import io.crmflow.rules.ReplayReport.Difference;
import io.crmflow.rules.ReplayReport.Failure;
import io.crmflow.rules.ReplayReport.Share;
import io.crmflow.rules.RuleSet;
import jakarta.annotation.PreDestroy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays the decisions of the most recent leads with a candidate rule set: scores and grades ({@code lead-score}) and owners
 * ({@code lead-assignment.drl}). Each decision is taken twice on the same inputs, with the active version (old) and
 * the candidate (new), so a difference is caused by the rules alone and not by what changed around them since.
 * Read-only.
 */
@Component
class LeadDecisionReplayer implements DecisionReplayer {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };
    private static final List<String> SCORE_KINDS = List.of("SCORE", "RESCORE");
    private static final String ASSIGNMENT = "ASSIGNMENT";
    private static final String POOL = "(pool)";
    private static final String FAILS = "(fails: ";
    /** Leads decided in one batch, between two reports of progress. */
    private static final int PROGRESS_STEP = 100;

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ActiveRuleSet rules;
    private final LeadAssignment assignment;
    private final ForkJoinPool cores;

    LeadDecisionReplayer(JdbcClient jdbc, ObjectMapper json, ActiveRuleSet rules, LeadAssignment assignment) {
        this.jdbc = jdbc;
        this.json = json;
        this.rules = rules;
        this.assignment = assignment;
        // Not the common pool: its threads do not have the application's class loader in a packaged jar, where Drools
        // then fails to find its runtime (and stays broken for the whole JVM).
        ClassLoader application = LeadDecisionReplayer.class.getClassLoader();
        this.cores = new ForkJoinPool(Runtime.getRuntime().availableProcessors(), pool -> {
            ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
            thread.setName("lead-replay-" + thread.getPoolIndex());
            thread.setContextClassLoader(application);
            return thread;
        }, null, false);
    }

    @PreDestroy
    void stop() {
        cores.shutdownNow();
    }

    @Override
    public String kind() {
        return "lead";
    }

    @Override
    public ReplayReport replay(RuleSet candidate, int last) {
        return replay(candidate, last, decided -> { });
    }

    @Override
    @Transactional(readOnly = true)
    public ReplayReport replay(RuleSet candidate, int last, IntConsumer decided) {
        RuleSet active = rules.current();
        List<Recorded> recorded = recent(last);
        if (recorded.isEmpty()) {
            return ReplayReport.nothingRecorded(kind(), "no lead decisions recorded yet");
        }
        // The recorded assignment inputs hold the lead, not the team: both versions decide against today's team.
        CandidateTeam todaysTeam = assignment.todaysTeam();
        List<Difference> differences = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<String, int[]> grades = new TreeMap<>();
        int scored = 0;
        int assigned = 0;
        int ownerDrift = 0;
        // Decided on all cores a batch of leads at a time (the rule sets are thread-safe, the facts read-only), then
        // counted in order; the progress is told after each batch.
        List<List<Recorded>> byLead = byLead(recorded);
        for (int first = 0; first < byLead.size(); first += PROGRESS_STEP) {
            List<List<Recorded>> batch = byLead.subList(first, Math.min(first + PROGRESS_STEP, byLead.size()));
            List<Replayed> replayed = onAllCores(() -> batch.parallelStream()
                    .flatMap(lead -> lead.stream().map(decision -> replay(decision, active, candidate, todaysTeam)))
                    .toList());
            for (Replayed decision : replayed) {
                Recorded recordedDecision = decision.recorded();
                if (decision.scoring()) {
                    scored++;
                    Score before = decision.scoreBefore();
                    Score after = decision.scoreAfter();
                    after.failure().ifPresent(why -> failures.add(new Failure(String.valueOf(recordedDecision.leadId()),
                            recordedDecision.kind(), why)));
                    compare(recordedDecision, "score", before.score(), after.score(), differences);
                    compare(recordedDecision, "grade", before.grade(), after.grade(), differences);
                    if (before.decided()) {
                        grades.computeIfAbsent(before.grade(), grade -> new int[2])[0]++;
                    }
                    if (after.decided()) {
                        grades.computeIfAbsent(after.grade(), grade -> new int[2])[1]++;
                    }
                } else {
                    assigned++;
                    if (decision.ownerAfter().startsWith(FAILS)) {
                        failures.add(new Failure(String.valueOf(recordedDecision.leadId()), recordedDecision.kind(), decision.ownerAfter()));
                    }
                    compare(recordedDecision, "owner", decision.ownerBefore(), decision.ownerAfter(), differences);
                    if (!decision.ownerBefore().equals(recordedDecision.outputs().getOrDefault("owner", POOL))) {
                        ownerDrift++;
                    }
                }
            }
            decided.accept(batch.size());
        }
        List<String> summary = new ArrayList<>();
        summary.add(changed(differences, "score") + " of " + scored + " leads would change score, "
                + changed(differences, "grade") + " grade");
        int gradedBefore = grades.values().stream().mapToInt(count -> count[0]).sum();
        int gradedAfter = grades.values().stream().mapToInt(count -> count[1]).sum();
        grades.forEach((grade, count) -> {
            if (count[0] != count[1]) {
                summary.add("grade " + grade + " share " + percent(count[0], gradedBefore) + " → " + percent(count[1], gradedAfter));
            }
        });
        summary.add(changed(differences, "owner") + " of " + assigned + " leads' assignments would change owner");
        long otherVersions = recorded.stream().filter(decision -> !decision.ruleSetVersion().equals(active.version())).count();
        List<String> notes = List.of(
                "old = the active version " + active.version() + ", new = the candidate " + candidate.version()
                        + ", both on the recorded inputs; " + otherVersions + " of the " + recorded.size()
                        + " decisions were recorded under another version",
                "assignments: the recorded inputs lack the team's open-lead counts, so both versions decide with today's rep "
                        + "profiles and today's open leads per rep; " + ownerDrift + " of " + assigned
                        + " recorded owners differ from what the active version decides today (profiles or load changed since)");
        if (!failures.isEmpty()) {
            summary.add(0, failures.size() + " of " + recorded.size() + " decisions fail with the candidate");
        }
        List<Share> shares = grades.entrySet().stream()
                .map(grade -> new Share("grade", grade.getKey(), grade.getValue()[0], grade.getValue()[1])).toList();
        int leads = (int) recorded.stream().mapToLong(Recorded::leadId).distinct().count();
        return new ReplayReport(kind(), leads, summary, notes, differences, shares, failures);
    }

    /**
     * The decisions that stand for the last {@code last} leads: each lead's latest scoring (score or rescore) and its
     * latest assignment, newest lead first. Earlier ones were replaced by these, so replaying them would count a lead twice.
     */
    private List<Recorded> recent(int last) {
        List<String> kinds = new ArrayList<>(SCORE_KINDS);
        kinds.add(ASSIGNMENT);
        return jdbc.sql("""
                        select d.lead_id, d.kind, d.inputs, d.outputs, d.rule_set_version from lead_decision d
                        join (select max(id) as id from lead_decision
                              where kind in (:kinds) and lead_id in (select id from leads order by id desc fetch first :last rows only)
                              group by lead_id, case when kind = :assignment then 1 else 0 end) latest on latest.id = d.id
                        order by d.lead_id desc, d.id desc""")
                .param("kinds", kinds)
                .param("assignment", ASSIGNMENT)
                .param("last", last)
                .query((rs, row) -> new Recorded(rs.getLong("lead_id"), rs.getString("kind"), read(rs.getString("inputs")),
                        read(rs.getString("outputs")), rs.getString("rule_set_version")))
                .list();
    }

    /** A parallel stream run inside {@link #cores} uses that pool's threads. */
    private <T> T onAllCores(Callable<T> work) {
        try {
            return cores.submit(work).get();
        } catch (ExecutionException failed) {
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying lead decisions", interrupted);
        }
    }

    /** The decisions, which come newest lead first, one list per lead. */
    private static List<List<Recorded>> byLead(List<Recorded> recorded) {
        List<List<Recorded>> leads = new ArrayList<>();
        for (Recorded decision : recorded) {
            if (leads.isEmpty() || leads.get(leads.size() - 1).get(0).leadId() != decision.leadId()) {
                leads.add(new ArrayList<>());
            }
            leads.get(leads.size() - 1).add(decision);
        }
        return leads;
    }

    private static Replayed replay(Recorded decision, RuleSet active, RuleSet candidate, CandidateTeam team) {
        if (SCORE_KINDS.contains(decision.kind())) {
            return new Replayed(decision, score(active, decision.inputs()), score(candidate, decision.inputs()), null, null);
        }
        return new Replayed(decision, null, null, owner(active, decision.inputs(), team), owner(candidate, decision.inputs(), team));
    }

    /** One decision taken with both versions: a scoring (scores set) or an assignment (owners set). */
    private record Replayed(Recorded recorded, Score scoreBefore, Score scoreAfter, String ownerBefore, String ownerAfter) {

        boolean scoring() {
            return scoreBefore != null;
        }
    }

    private static Score score(RuleSet ruleSet, Map<String, Object> inputs) {
        try {
            DecisionOutcome outcome = ruleSet.evaluate(LeadScoring.MODEL, inputs);
            if (outcome.result("leadScore") instanceof Number score && outcome.result("leadGrade") instanceof Map<?, ?> grade) {
                return new Score(score.intValue(), String.valueOf(grade.get("grade")));
            }
            return Score.failed("no leadScore/leadGrade in " + outcome.results());
        } catch (RuntimeException failed) {
            return Score.failed(failed.getMessage());
        }
    }

    private static String owner(RuleSet ruleSet, Map<String, Object> inputs, CandidateTeam team) {
        @SuppressWarnings("unchecked")
        Collection<String> excluded = (Collection<String>) inputs.getOrDefault("excludedOwners", List.of());
        AssignmentLead lead = new AssignmentLead((String) inputs.get("region"), (String) inputs.get("productLine"),
                (String) inputs.get("industry"), Set.copyOf(excluded));
        try {
            // The team also as one fact, as LeadAssignment hands it: a candidate written in the earlier style walks it.
            return ruleSet.fire(team.getReps(), List.of(lead, team)).factsOfType(AssignedRep.class).stream().findFirst()
                    .map(AssignedRep::getUserId).orElse(POOL);
        } catch (RuntimeException failed) {
            return FAILS + failed.getMessage() + ")";
        }
    }

    private static void compare(Recorded decision, String field, Object before, Object after, List<Difference> differences) {
        if (!Objects.equals(before, after)) {
            differences.add(new Difference(String.valueOf(decision.leadId()), decision.kind(), field, before, after));
        }
    }

    private static long changed(List<Difference> differences, String field) {
        return differences.stream().filter(difference -> difference.field().equals(field)).count();
    }

    private static String percent(int count, int total) {
        return total == 0 ? "–" : Math.round(100.0 * count / total) + " %";
    }

    private Map<String, Object> read(String text) {
        try {
            return json.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored decision data is not valid JSON", e);
        }
    }

    private record Recorded(long leadId, String kind, Map<String, Object> inputs, Map<String, Object> outputs, String ruleSetVersion) {
    }

    /** Score and grade; a version that cannot decide shows why in both fields. */
    private record Score(Object score, String grade) {

        static Score failed(String why) {
            String failure = FAILS + why + ")";
            return new Score(failure, failure);
        }

        Optional<String> failure() {
            return decided() ? Optional.empty() : Optional.of(grade);
        }

        boolean decided() {
            return score instanceof Integer;
        }
    }
}
