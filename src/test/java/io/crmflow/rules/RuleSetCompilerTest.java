package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class RuleSetCompilerTest {

    private final RuleSetCompiler compiler = new RuleSetCompiler(List.of());

    @Test
    void shippedRulesCompileIntoOneVersionedSet() {
        RuleSet ruleSet = ShippedRules.ruleSet();

        assertThat(ruleSet.version()).hasSize(12);
        assertThat(ruleSet.dmnModelNames()).contains("lead-score");
        assertThat(ruleSet.files()).extracting(RuleFile::name).contains("lead-score.dmn", "lead-assignment.drl");
    }

    /**
     * What a version remembers ({@link RuleSet#evaluateRemembered}) is its own: the same inputs give each version its own
     * result, and a failure is not remembered.
     */
    @Test
    void rememberedResultsBelongToTheVersionThatComputedThem() {
        RuleSet shipped = ShippedRules.ruleSet();
        RuleSet tuned = compiler.compile(shippedWith("lead-score.dmn",
                "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40</text>", "<outputEntry id=\"SourcePoints_Row1_Out\"><text>10</text>"));
        Map<String, Object> referral = Map.of("source", "REFERRAL", "visits30d", 6, "dwellSeconds", 320);

        assertThat(score(shipped, referral)).isEqualTo(80);
        assertThat(score(tuned, referral)).isEqualTo(50);
        long tunedMisses = tuned.rememberedMisses();
        assertThat(score(shipped, referral)).isEqualTo(80);
        assertThat(score(tuned, referral)).isEqualTo(50);
        assertThat(tuned.rememberedMisses()).as("remembered").isEqualTo(tunedMisses);

        Map<String, Object> noSuchSource = Map.of("source", "FAX", "visits30d", 6, "dwellSeconds", 320);
        assertThatThrownBy(() -> tuned.evaluateRemembered("lead-score", noSuchSource)).isInstanceOf(DecisionFailedException.class);
        assertThatThrownBy(() -> tuned.evaluateRemembered("lead-score", noSuchSource)).isInstanceOf(DecisionFailedException.class);
        assertThat(tuned.rememberedMisses()).as("a failure is not remembered").isEqualTo(tunedMisses + 2);
    }

    private static int score(RuleSet ruleSet, Map<String, Object> inputs) {
        return ((Number) ruleSet.evaluateRemembered("lead-score", inputs).result("leadScore")).intValue();
    }

    @Test
    void versionIsTheContentHash() {
        List<RuleFile> files = List.of(drl("a.drl", "package a;"));
        assertThat(RuleSetCompiler.contentHash(files)).isEqualTo(RuleSetCompiler.contentHash(List.of(drl("a.drl", "package a;"))));
        assertThat(RuleSetCompiler.contentHash(files)).isNotEqualTo(RuleSetCompiler.contentHash(List.of(drl("a.drl", "package b;"))));
    }

    @Test
    void brokenDrlIsRefusedWithFileAndLine() {
        List<RuleFile> files = new ArrayList<>(ShippedRules.ruleSet().files());
        files.add(drl("broken.drl", "package broken;\n\nrule \"no end\"\nwhen\n    String( length > )\nthen\n"));

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems())
                        .anySatisfy(problem -> {
                            assertThat(problem.file()).isEqualTo("broken.drl");
                            assertThat(problem.line()).isPositive();
                        }));
    }

    @Test
    void brokenDmnIsRefusedNamingTheFile() {
        String broken = new String(ShippedRules.ruleSet().file("lead-score.dmn").orElseThrow().content(), StandardCharsets.UTF_8)
                .replace("min([100, sourcePoints + visitPoints + dwellPoints])", "min([100, sourcePoints + + ])");

        assertThatThrownBy(() -> compiler.compile(List.of(new RuleFile("lead-score.dmn", broken.getBytes(StandardCharsets.UTF_8)))))
                .isInstanceOfSatisfying(RuleValidationException.class,
                        e -> assertThat(e.problems()).anySatisfy(problem -> assertThat(problem.file()).isEqualTo("lead-score.dmn")));
    }

    @Test
    void evaluationReportsTheMatchedRowsAndVersion() {
        RuleSet ruleSet = ShippedRules.ruleSet();

        DecisionOutcome outcome = ruleSet.evaluate("lead-score", Map.of("source", "REFERRAL", "visits30d", 10, "dwellSeconds", 600));

        assertThat(outcome.ruleSetVersion()).isEqualTo(ruleSet.version());
        assertThat(outcome.matchedRules()).contains(new MatchedRule("sourcePoints", "1"), new MatchedRule("leadGrade", "1"));
    }

    private static RuleFile drl(String name, String text) {
        return new RuleFile(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aDmnFileThatIsNotXmlIsAProblemNotACrash() {
        List<RuleFile> files = new ArrayList<>(ShippedRules.ruleSet().files());
        files.add(new RuleFile("garbage.dmn", "=cmd|' /C calc'!A0".getBytes(StandardCharsets.UTF_8)));
        files.add(new RuleFile("other.dmn", "<html><body>hello</body></html>".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems())
                        .extracting(RuleProblem::file).containsExactlyInAnyOrder("garbage.dmn", "other.dmn"));
    }

    @Test
    void shippedRulesPassTheDecisionProbe() {
        assertThat(compiler.validate(ShippedRules.ruleSet().files()).version()).isEqualTo(ShippedRules.ruleSet().version());
    }

    @Test
    void anOutputOfTheWrongTypeCompilesButIsRefusedAtItsCellWithTheInput() {
        List<RuleFile> files = shippedWith("lead-score.dmn",
                "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40</text>", "<outputEntry id=\"SourcePoints_Row1_Out\"><text>\"forty\"</text>");

        assertThat(compiler.compile(files)).isNotNull();
        assertThatThrownBy(() -> compiler.validate(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("lead-score.dmn");
                    assertThat(problem.line()).isEqualTo(lineOf("lead-score.dmn", "SourcePoints_Row1_Out"));
                    assertThat(problem.message()).contains("decision 'sourcePoints', row 1", "\"forty\"", "number", "source = \"REFERRAL\"");
                }));
    }

    @Test
    void aFeelSyntaxErrorIsReportedAtItsLineWithTheExpression() {
        List<RuleFile> files = shippedWith("lead-score.dmn",
                "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40</text>", "<outputEntry id=\"SourcePoints_Row1_Out\"><text>40 +* (</text>");

        assertThatThrownBy(() -> compiler.compile(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                    assertThat(problem.file()).isEqualTo("lead-score.dmn");
                    assertThat(problem.line()).isEqualTo(lineOf("lead-score.dmn", "SourcePoints_Row1_Out"));
                    assertThat(problem.message()).contains("FEEL syntax error", "sourcePoints", "'40 +* ('");
                }));
    }

    @Test
    void anOutputOutsideItsAllowedValuesIsRefusedNamingTheDecision() {
        List<RuleFile> files = shippedWith("ticket-priority.dmn",
                "<outputEntry id=\"TicketPriority_Row1_Out\"><text>\"P1\"</text>", "<outputEntry id=\"TicketPriority_Row1_Out\"><text>\"P5\"</text>");

        assertThatThrownBy(() -> compiler.validate(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("ticket-priority.dmn");
                    assertThat(problem.line()).isPositive();
                    assertThat(problem.message()).contains("ticketPriority", "P5", "severity = \"CRITICAL\"");
                }));
    }

    @Test
    void aTableThatTestsAnotherDecisionIsProbedAtItsOwnBoundaries() {
        // Scores of 80 exist (40 + 20 + 20), but the probe must not depend on that: break the row for exactly 100.
        List<RuleFile> files = shippedWith("lead-score.dmn",
                "<inputEntry id=\"Table_LeadGrade_Row1_In\"><text>&gt;= 80</text>", "<inputEntry id=\"Table_LeadGrade_Row1_In\"><text>[80..99]</text>");

        assertThatThrownBy(() -> compiler.validate(files))
                .isInstanceOfSatisfying(RuleValidationException.class, e -> assertThat(e.problems()).anySatisfy(problem -> {
                    assertThat(problem.file()).isEqualTo("lead-score.dmn");
                    assertThat(problem.message()).contains("leadGrade");
                }));
    }

    private static List<RuleFile> shippedWith(String name, String text, String replacement) {
        String content = new String(ShippedRules.ruleSet().file(name).orElseThrow().content(), StandardCharsets.UTF_8);
        assertThat(content).contains(text);
        List<RuleFile> files = new ArrayList<>(ShippedRules.ruleSet().files());
        files.removeIf(file -> file.name().equals(name));
        files.add(new RuleFile(name, content.replace(text, replacement).getBytes(StandardCharsets.UTF_8)));
        return files;
    }

    private static int lineOf(String name, String text) {
        String[] lines = new String(ShippedRules.ruleSet().file(name).orElseThrow().content(), StandardCharsets.UTF_8).split("\n");
        for (int index = 0; index < lines.length; index++) {
            if (lines[index].contains(text)) {
                return index + 1;
            }
        }
        throw new AssertionError(text + " is not in " + name);
    }
}
