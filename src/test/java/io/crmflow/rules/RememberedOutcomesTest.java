package io.crmflow.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.dmn.api.core.DMNModel;

/**
 * {@link RuleSet#evaluateRemembered} decides exactly as {@link RuleSet#evaluate} while evaluating once per class of inputs
 * the tables tell apart ({@link InputClasses}), and keys by exact value whatever the analysis does not understand.
 */
class RememberedOutcomesTest {

    private static final RuleSetCompiler COMPILER = new RuleSetCompiler(List.of());
    private static RuleSet models;

    /** One compile for all the small models (a KIE build costs seconds). */
    @BeforeAll
    static void compileModels() {
        models = COMPILER.compile(List.of(
                table("bands", "x", "FIRST", new String[][] {
                        {"-3", "\"minus three\""}, {"< 2.5", "\"low\""}, {"[2.5..10)", "\"mid\""}, {"10", "\"ten\""}, {"> 10", "\"high\""}}),
                table("doubled", "visits", "UNIQUE", new String[][] {{"< 5", "visits * 2"}, {">= 5", "100"}}),
                table("parity", "n", "UNIQUE", new String[][] {{"odd(?)", "\"odd\""}, {"even(?)", "\"even\""}}),
                table("negated", "n", "UNIQUE", new String[][] {{"not(5)", "\"not five\""}, {"5", "\"five\""}}),
                table("steps", "x", "UNIQUE", new String[][] {{"< 2.5", "\"low\""}, {">= 2.5", "\"high\""}}),
                table("overLimit", "amount", "UNIQUE", new String[][] {{"> limit", "\"over\""}, {"<= limit", "\"within\""}}, "limit"),
                table("byYear", "year", "UNIQUE", new String[][] {{"< 2000", "\"old\""}, {">= 2000", "string(today().year - year)"}})));
    }

    @Test
    void theShippedScoreTableIsEvaluatedOncePerClassOfItsInputs() {
        // A version of its own, so that no other test has remembered anything in it.
        RuleSet shipped = COMPILER.compile(ShippedRules.ruleSet().files());
        assertThat(InputClasses.of(model(shipped, "lead-score")).classified()).containsExactlyInAnyOrder("visits30d", "dwellSeconds");

        List<String> sources = List.of("REFERRAL", "TRADE_SHOW", "WEBSITE", "PARTNER", "WECHAT", "ONLINE_AD", "COLD_CALL", "OTHER");
        // Every 25th second, and each boundary of the dwell table with its neighbours.
        TreeSet<Integer> dwells = IntStream.rangeClosed(0, 1500).filter(second -> second % 25 == 0).boxed()
                .collect(Collectors.toCollection(TreeSet::new));
        for (int boundary : new int[] {60, 300, 600}) {
            dwells.addAll(List.of(boundary - 1, boundary, boundary + 1));
        }
        for (String source : sources) {
            for (int visits = 0; visits <= 60; visits++) {
                for (int dwell : dwells) {
                    Map<String, Object> inputs = Map.of("source", source, "visits30d", visits, "dwellSeconds", dwell);
                    assertSameOutcome(shipped, "lead-score", inputs);
                }
            }
        }
        // 8 sources × 7 visit classes (<2, 2, 3–4, 5, 6–9, 10, >10) × 7 dwell classes (<60, 60, 61–299, 300, …, >600).
        assertThat(shipped.rememberedMisses()).isEqualTo(8 * 7 * 7);
    }

    @Test
    void aBoundaryValueIsAClassOfItsOwnAndNullIsKeptExactly() {
        long before = models.rememberedMisses();
        List<Object> values = new ArrayList<>(List.of(-4, -3, new BigDecimal("-2.9"), 2, 2.4, new BigDecimal("2.49"),
                new BigDecimal("2.5"), new BigDecimal("2.50"), 2.5d, 2.51, 9.99, 10, new BigDecimal("10.0"), 10L, 10.01, 11));
        values.add(null);
        for (Object value : values) {
            Map<String, Object> inputs = new HashMap<>();
            inputs.put("x", value);
            assertSameOutcome(models, "bands", inputs);
        }
        // Below -3, -3, between -3 and 2.5, 2.5, between 2.5 and 10, 10, above 10, and null.
        assertThat(models.rememberedMisses() - before).isEqualTo(8);
        assertThat(result(models, "bands", "x", 2.4)).isEqualTo("low");
        assertThat(result(models, "bands", "x", new BigDecimal("2.5"))).isEqualTo("mid");
        assertThat(result(models, "bands", "x", 10L)).isEqualTo("ten");
        assertThat(result(models, "bands", "x", null)).isNull();
    }

    @Test
    void aNumberJustBelowABoundaryIsNotRoundedOntoIt() {
        assertThat(result(models, "steps", "x", new BigDecimal("2.4"))).isEqualTo("low");
        assertThat(result(models, "steps", "x", new BigDecimal("2.4999999999999999999999999999999999999999"))).isEqualTo("low");
        assertThat(result(models, "steps", "x", new BigDecimal("2.6"))).isEqualTo("high");
        assertThat(result(models, "steps", "x", new BigDecimal("2.5000000000000000000000000000000000000001"))).isEqualTo("high");
    }

    @Test
    void anInputAnOutputEntryComputesWithIsKeptExactly() {
        assertThat(InputClasses.of(model(models, "doubled")).classified()).isEmpty();

        assertThat(result(models, "doubled", "visits", 1)).isEqualTo(new BigDecimal("2"));
        assertThat(result(models, "doubled", "visits", 3)).isEqualTo(new BigDecimal("6"));
        assertSameOutcome(models, "doubled", Map.of("visits", 4));
    }

    @Test
    void anEntryTheAnalysisDoesNotUnderstandKeepsItsInputExact() {
        assertThat(InputClasses.of(model(models, "parity")).classified()).isEmpty();
        assertThat(InputClasses.of(model(models, "negated")).classified()).isEmpty();
        assertThat(InputClasses.of(model(models, "overLimit")).classified()).isEmpty();

        assertThat(result(models, "parity", "n", 3)).isEqualTo("odd");
        assertThat(result(models, "parity", "n", 4)).isEqualTo("even");
        assertThat(result(models, "negated", "n", 4)).isEqualTo("not five");
        assertThat(result(models, "negated", "n", 5)).isEqualTo("five");
        assertThat(models.evaluateRemembered("overLimit", Map.of("amount", 5, "limit", 3)).result("overLimit")).isEqualTo("over");
        assertThat(models.evaluateRemembered("overLimit", Map.of("amount", 5, "limit", 7)).result("overLimit")).isEqualTo("within");
        assertThat(models.evaluateRemembered("overLimit", Map.of("amount", 8, "limit", 7)).result("overLimit")).isEqualTo("over");
    }

    /** The analysis reads every FEEL text of the model: as many as the file has {@code <text>} elements. */
    @Test
    void aModelThatReadsTheClockIsNeverRemembered() {
        assertThat(InputClasses.of(model(models, "byYear")).rememberable()).isFalse();
        assertThat(InputClasses.of(model(models, "bands")).rememberable()).isTrue();
        long misses = models.rememberedMisses();

        Object first = result(models, "byYear", "year", 2020);
        assertThat(first).isEqualTo(String.valueOf(LocalDate.now().getYear() - 2020));
        assertThat(result(models, "byYear", "year", 2020)).isEqualTo(first);
        assertThat(models.rememberedMisses()).as("evaluated every time, never looked up").isEqualTo(misses);
    }

    @Test
    void theAnalysisSeesEveryFeelTextOfTheModel() {
        String file = ShippedRules.ruleSet().file("lead-score.dmn").orElseThrow().text();
        Matcher texts = Pattern.compile("<text>").matcher(file);
        int count = 0;
        while (texts.find()) {
            count++;
        }
        assertThat(InputClasses.feelTexts(model(ShippedRules.ruleSet(), "lead-score"))).hasSize(count);
    }

    private static Object result(RuleSet ruleSet, String modelName, String input, Object value) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put(input, value);
        return assertSameOutcome(ruleSet, modelName, inputs).result(modelName);
    }

    /** Remembered or not, the outcome is what evaluating gives, with these inputs. */
    private static DecisionOutcome assertSameOutcome(RuleSet ruleSet, String modelName, Map<String, Object> inputs) {
        DecisionOutcome remembered = ruleSet.evaluateRemembered(modelName, inputs);
        DecisionOutcome evaluated = ruleSet.evaluate(modelName, inputs);
        assertThat(remembered).as("%s %s", modelName, inputs).isEqualTo(evaluated);
        assertThat(remembered.inputs()).isEqualTo(inputs);
        return remembered;
    }

    private static DMNModel model(RuleSet ruleSet, String name) {
        return ruleSet.dmnModels().stream().filter(model -> model.getName().equals(name)).findFirst().orElseThrow();
    }

    /**
     * A model of one decision (named as the model) with a one-column table on the number input {@code column}; each row
     * is its input entry and its output entry. {@code otherInputs} are further number inputs the entries may name.
     */
    private static RuleFile table(String name, String column, String hitPolicy, String[][] rows, String... otherInputs) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_%1$s" name="%1$s"
                             namespace="https://crmflow.io/dmn/test/%1$s">
                """.formatted(name));
        List<String> inputs = new ArrayList<>(List.of(column));
        inputs.addAll(List.of(otherInputs));
        for (String input : inputs) {
            xml.append("""
                      <inputData id="Input_%1$s" name="%1$s"><variable id="Input_%1$s_Variable" name="%1$s" typeRef="number"/></inputData>
                    """.formatted(input));
        }
        xml.append("""
                  <decision id="Decision_%1$s" name="%1$s">
                    <variable id="Decision_%1$s_Variable" name="%1$s"/>
                """.formatted(name));
        for (String input : inputs) {
            xml.append("""
                        <informationRequirement id="Requirement_%1$s"><requiredInput href="#Input_%1$s"/></informationRequirement>
                    """.formatted(input));
        }
        xml.append("""
                    <decisionTable id="Table_%1$s" hitPolicy="%2$s">
                      <input id="Table_%1$s_Input"><inputExpression id="Table_%1$s_Expression" typeRef="number"><text>%3$s</text></inputExpression></input>
                      <output id="Table_%1$s_Output" name="%1$s"/>
                """.formatted(name, hitPolicy, column));
        for (int row = 0; row < rows.length; row++) {
            xml.append("""
                          <rule id="Row%1$d"><inputEntry id="Row%1$d_In"><text>%2$s</text></inputEntry><outputEntry id="Row%1$d_Out"><text>%3$s</text></outputEntry></rule>
                    """.formatted(row + 1, escape(rows[row][0]), escape(rows[row][1])));
        }
        xml.append("""
                    </decisionTable>
                  </decision>
                </definitions>
                """);
        return new RuleFile(name + ".dmn", xml.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String feel) {
        return feel.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
