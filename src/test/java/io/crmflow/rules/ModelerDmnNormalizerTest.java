package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * DMN files saved by Camunda Modeler 5 (name "DRD", Modeler's namespace, {@code integer}/{@code double} types, empty
 * cells, no {@code variable} or {@code inputData}) compile and decide on the Drools DMN engine next to the shipped
 * rules, two of them at once.
 */
class ModelerDmnNormalizerTest {

    private static RuleFile modelerFile(String name) throws IOException {
        try (InputStream in = ModelerDmnNormalizerTest.class.getResourceAsStream("/modeler/" + name)) {
            return new RuleFile(name, in.readAllBytes());
        }
    }

    @Test
    void modelerFilesCompileAndDecide() throws IOException {
        List<RuleFile> files = new ArrayList<>(ShippedRules.ruleSet().files());
        files.add(modelerFile("discount-a.dmn"));
        files.add(modelerFile("discount-b.dmn"));

        RuleSet ruleSet = new RuleSetCompiler(List.of()).compile(files);

        assertThat(ruleSet.dmnModelNames()).contains("discount-a", "discount-b", "lead-score");
        assertThat(discount(ruleSet, "discount-a", 1500, "A")).isEqualByComparingTo("0.1");
        assertThat(discount(ruleSet, "discount-a", 800, "A")).isEqualByComparingTo("0");
        assertThat(discount(ruleSet, "discount-b", 800, "A")).isEqualByComparingTo("0.2");
        assertThat(discount(ruleSet, "discount-b", 800, "B")).isEqualByComparingTo("0");
        DecisionOutcome outcome = ruleSet.evaluate("discount-a", Map.of("amount", 1500, "tier", "A"));
        assertThat(outcome.matchedRules()).extracting(MatchedRule::rule).as("row numbers").containsExactly("1");
    }

    @Test
    void theVersionIsTheHashOfTheFileAsSavedNotAsNormalised() throws IOException {
        RuleFile saved = modelerFile("discount-a.dmn");
        RuleFile normalised = ModelerDmnNormalizer.normalize(saved);

        assertThat(normalised.text()).contains("name=\"discount-a\"", "typeRef=\"number\"", "<inputData", "requiredInput", "<text>-</text>")
                .doesNotContain("typeRef=\"integer\"", "typeRef=\"double\"", "name=\"DRD\"");
        RuleSet ruleSet = new RuleSetCompiler(List.of()).compile(List.of(saved));
        assertThat(ruleSet.version()).isEqualTo(RuleSetCompiler.contentHash(List.of(saved)));
        assertThat(ruleSet.file("discount-a.dmn")).hasValueSatisfying(file -> assertThat(file.content()).isEqualTo(saved.content()));
    }

    @Test
    void portableFilesAreLeftExactlyAsTheyAre() {
        RuleFile shipped = ShippedRules.ruleSet().file("lead-score.dmn").orElseThrow();

        assertThat(ModelerDmnNormalizer.normalize(shipped)).isSameAs(shipped);
    }

    private static java.math.BigDecimal discount(RuleSet ruleSet, String model, int amount, String tier) {
        return (java.math.BigDecimal) ruleSet.evaluate(model, Map.of("amount", amount, "tier", tier)).result("Discount");
    }
}
