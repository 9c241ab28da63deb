package io.crmflow.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import io.crmflow.lead.assignment.AssignedRep;
import io.crmflow.lead.assignment.AssignmentLead;
import io.crmflow.lead.assignment.RepCandidate;
import io.crmflow.rules.DecisionOutcome;
import io.crmflow.rules.RuleSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;

/**
 * One lead scored and assigned against a team of generated reps, the two ways the benchmark compares: the shipped
 * rules ({@code lead-score.dmn} on the Drools DMN engine, {@code lead-assignment.drl} on Drools) and the same
 * decision hand-written in Java.
 */
public final class LeadDecisionFixture {

    private static final String[] REGIONS = {"EAST", "SOUTH", "NORTH", "SOUTHWEST"};
    private static final String[] PRODUCT_LINES = {"OTC", "PRESCRIPTION", "DEVICES", "CONSUMABLES"};
    private static final String[] INDUSTRIES = {"HOSPITAL", "PHARMACY", "CLINIC", "DISTRIBUTOR"};
    private static final String[] SOURCES = {"REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER"};

    /** An incoming lead: the score inputs and the assignment inputs. */
    public record Lead(String source, int visits30d, int dwellSeconds, String region, String productLine, String industry) {
    }

    /** What both implementations decide: score, grade and owner (null = pool). */
    public record Decision(int score, String grade, String owner) {
    }

    private LeadDecisionFixture() {
    }

    /** Reps with one or two regions and random skills; open leads anywhere from none to a full hand. */
    public static List<RepCandidate> team(int size, long seed) {
        Random random = new Random(seed);
        List<RepCandidate> reps = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int capacity = 10 + random.nextInt(21);
            reps.add(new RepCandidate(String.format("rep%04d", i), pick(random, REGIONS, 1 + random.nextInt(2)),
                    pick(random, PRODUCT_LINES, 1 + random.nextInt(3)), pick(random, INDUSTRIES, 1 + random.nextInt(3)),
                    capacity, random.nextInt(capacity + 1), true));
        }
        return reps;
    }

    public static Lead randomLead(Random random) {
        return new Lead(SOURCES[random.nextInt(SOURCES.length)], random.nextInt(15), random.nextInt(900),
                REGIONS[random.nextInt(REGIONS.length)], PRODUCT_LINES[random.nextInt(PRODUCT_LINES.length)],
                INDUSTRIES[random.nextInt(INDUSTRIES.length)]);
    }

    /** The decision as {@code LeadScoring} and {@code LeadAssignment} make it: the same calls on the rule set. */
    public static Decision withRules(RuleSet rules, Lead lead, List<RepCandidate> reps) {
        Decision scored = scoreOf(scoreWithRules(rules, lead));
        return new Decision(scored.score(), scored.grade(), assignWithRules(rules, lead, reps).map(AssignedRep::getUserId).orElse(null));
    }

    /** Score and grade of a score-table outcome, no owner yet. */
    static Decision scoreOf(DecisionOutcome scored) {
        return new Decision(((Number) scored.result("leadScore")).intValue(), (String) ((Map<?, ?>) scored.result("leadGrade")).get("grade"), null);
    }

    /**
     * The score table as {@code LeadScoring} calls it: once per class of inputs the table tells apart and rule-set
     * version ({@link RuleSet#evaluateRemembered}).
     */
    static DecisionOutcome scoreWithRules(RuleSet rules, Lead lead) {
        return rules.evaluateRemembered("lead-score", scoreInputs(lead));
    }

    /** The score table evaluated every time, as before the cache. */
    static DecisionOutcome scoreWithRulesUncached(RuleSet rules, Lead lead) {
        return rules.evaluate("lead-score", scoreInputs(lead));
    }

    private static Map<String, Object> scoreInputs(Lead lead) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        inputs.put("source", lead.source());
        inputs.put("visits30d", lead.visits30d());
        inputs.put("dwellSeconds", lead.dwellSeconds());
        return Collections.unmodifiableMap(inputs);
    }

    /** The same {@code lead-score.dmn} on Camunda 7's own DMN engine (FEEL-Scala), as a business rule task would run it. */
    static DmnDecision camundaGradeDecision(DmnEngine engine) {
        try (InputStream dmn = Files.newInputStream(Path.of("rules", "lead-score.dmn"))) {
            return engine.parseDecision("Decision_LeadGrade", dmn);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String gradeWithCamunda(DmnEngine engine, DmnDecision grade, Lead lead) {
        VariableMap inputs = Variables.createVariables().putValue("source", lead.source()).putValue("visits30d", lead.visits30d())
                .putValue("dwellSeconds", lead.dwellSeconds());
        return (String) engine.evaluateDecision(grade, inputs).getSingleResult().getEntry("grade");
    }

    static Optional<AssignedRep> assignWithRules(RuleSet rules, Lead lead, List<RepCandidate> reps) {
        AssignmentLead assignmentLead = new AssignmentLead(lead.region(), lead.productLine(), lead.industry(), Set.of());
        return rules.fire(reps, List.of(assignmentLead)).factsOfType(AssignedRep.class).stream().findFirst();
    }

    /** docs/product.md §3.2 and §3.3 written out in Java: the baseline the rules are measured against. */
    public static Decision handWritten(Lead lead, List<RepCandidate> reps) {
        int score = Math.min(100, sourcePoints(lead.source()) + visitPoints(lead.visits30d()) + dwellPoints(lead.dwellSeconds()));
        String grade = score >= 80 ? "A" : score >= 60 ? "B" : score >= 40 ? "C" : "D";
        RepCandidate best = null;
        int bestMatch = -1;
        for (RepCandidate rep : reps) {
            int match = (rep.getRegions().contains(lead.region()) ? 50 : 0)
                    + (rep.getProductLines().contains(lead.productLine()) ? 35 : 0)
                    + (rep.getIndustries().contains(lead.industry()) ? 15 : 0);
            if (match < 82 || rep.getOpenLeads() >= rep.getCapacity()) {
                continue;
            }
            if (match > bestMatch || match == bestMatch && (rep.getOpenLeads() < best.getOpenLeads()
                    || rep.getOpenLeads() == best.getOpenLeads() && rep.getUserId().compareTo(best.getUserId()) < 0)) {
                best = rep;
                bestMatch = match;
            }
        }
        return new Decision(score, grade, best == null ? null : best.getUserId());
    }

    private static int sourcePoints(String source) {
        return switch (source) {
            case "REFERRAL" -> 40;
            case "TRADE_SHOW" -> 30;
            case "WEBSITE", "PARTNER" -> 25;
            case "WECHAT" -> 20;
            case "ONLINE_AD" -> 15;
            case "COLD_CALL" -> 10;
            default -> 5;
        };
    }

    private static int visitPoints(int visits) {
        return visits >= 10 ? 30 : visits >= 5 ? 20 : visits >= 2 ? 10 : 0;
    }

    private static int dwellPoints(int seconds) {
        return seconds >= 600 ? 30 : seconds >= 300 ? 20 : seconds >= 60 ? 10 : 0;
    }

    private static Set<String> pick(Random random, String[] values, int count) {
        Set<String> picked = new HashSet<>();
        while (picked.size() < count) {
            picked.add(values[random.nextInt(values.length)]);
        }
        return Set.copyOf(picked);
    }
}
