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
}
