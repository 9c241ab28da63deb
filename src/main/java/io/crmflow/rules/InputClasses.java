package io.crmflow.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.feel.util.NumberEvalHelper;
import org.kie.dmn.model.api.DMNModelInstrumentedBase;
import org.kie.dmn.model.api.DRGElement;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.Definitions;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.InputData;
import org.kie.dmn.model.api.LiteralExpression;
import org.kie.dmn.model.api.UnaryTests;

/**
 * What a DMN model can tell apart of its inputs: the key under which {@link RuleSet#evaluateRemembered} remembers an
 * outcome. A number input that the model only ever compares with number literals in decision-table entries
 * ({@code < 2}, {@code [5..10)}, {@code 60}) is <em>classifiable</em>: with its boundaries b1 &lt; … &lt; bk, every value
 * strictly between two neighbouring boundaries (or below the first, or above the last) makes every one of those
 * comparisons come out the same, and so does each boundary itself. Its value in the key is its class, not the value.
 * <p>
 * The analysis is conservative: an input is classifiable only if its name appears in the model's FEEL texts nowhere but
 * as the whole input expression of decision-table columns, every entry of those columns (and their allowed input values)
 * is {@code -}, empty, or a list of number comparisons and ranges with literal ends, and its type is a plain
 * {@code number} (a constrained type would add tests the tables do not show). Anything else, and every other input,
 * keeps its exact value in the key. A model that imports other models classifies nothing: names can come from them.
 */
final class InputClasses {

    private static final String NUMBER = "-?\\d+(?:\\.\\d+)?";
    private static final Pattern COMPARISON = Pattern.compile("(?:<=|>=|<|>|=)?\\s*(" + NUMBER + ")");
    private static final Pattern RANGE = Pattern.compile("[\\[\\](]\\s*(" + NUMBER + ")\\s*\\.\\.\\s*(" + NUMBER + ")\\s*[\\])\\[]");
    private static final Pattern FEEL_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");
    /** FEEL's clock functions: a model that calls one can decide differently for the same inputs. */
    private static final Pattern CLOCK = Pattern.compile("(?<![\\p{L}\\p{N}_])(?:now|today)\\s*\\(");
    /** Input types that add no test of their own to a value: FEEL's number, and no type at all. */
    private static final Set<String> PLAIN_TYPES = Set.of("number", "Any");

    /** Per classifiable input name, its sorted distinct boundaries (compared as FEEL compares: BigDecimal#compareTo). */
    private final Map<String, BigDecimal[]> boundaries;
    private final boolean readsTheClock;

    private InputClasses(Map<String, BigDecimal[]> boundaries, boolean readsTheClock) {
        this.boundaries = boundaries;
        this.readsTheClock = readsTheClock;
    }

    /**
     * The class of a number value among its input's boundaries: 0 below the first, 2i + 1 equal to the (i+1)-th,
     * 2i + 2 strictly between it and the next. A record of its own, so that it never equals an exact value.
     */
    record NumberClass(int position) {
    }

    static InputClasses of(DMNModel model) {
        Definitions definitions = model.getDefinitions();
        List<DMNModelInstrumentedBase> elements = new ArrayList<>();
        collect(definitions, elements);
        boolean readsTheClock = elements.stream().map(InputClasses::textOf).anyMatch(text -> text != null && CLOCK.matcher(text).find());
        if (!definitions.getImport().isEmpty()) {
            return new InputClasses(Map.of(), readsTheClock);
        }
        Map<String, BigDecimal[]> classifiable = new LinkedHashMap<>();
        for (DRGElement element : definitions.getDrgElement()) {
            if (element instanceof InputData input && FEEL_NAME.matcher(input.getName()).matches()
                    && plainNumber(input.getVariable() == null ? null : input.getVariable().getTypeRef(), definitions)
                    && model.getDecisionByName(input.getName()) == null) {
                boundariesOf(input.getName(), elements, definitions).ifPresent(found -> classifiable.put(input.getName(), found));
            }
        }
        return new InputClasses(Map.copyOf(classifiable), readsTheClock);
    }

    /**
     * Whether an outcome may be remembered at all: not when a FEEL text calls {@code now()} or {@code today()}, whose
     * outcome for the same inputs changes with the time (a rules owner may write one into any table).
     */
    boolean rememberable() {
        return !readsTheClock;
    }

    /** Names of the inputs whose value the key reduces to a class. */
    Set<String> classified() {
        return boundaries.keySet();
    }

    /**
     * The key of {@code inputs}: classifiable inputs by their class, everything else (null, a value that is not a
     * number, inputs the model does not classify) by its exact value.
     */
    Map<String, Object> keyOf(Map<String, Object> inputs) {
        Map<String, Object> key = new HashMap<>(inputs);
        if (!boundaries.isEmpty()) {
            key.replaceAll((name, value) -> classOf(boundaries.get(name), value));
        }
        return Collections.unmodifiableMap(key);
    }

    private static Object classOf(BigDecimal[] sorted, Object value) {
        // The number as FEEL sees it (a Double by its decimal digits, NaN as no number at all), so the class is the one
        // its comparisons see.
        BigDecimal number = sorted != null && value instanceof Number ? NumberEvalHelper.getBigDecimalOrNull(value) : null;
        if (number == null) {
            return value;
        }
        int found = Arrays.binarySearch(sorted, number, BigDecimal::compareTo);
        return new NumberClass(found >= 0 ? 2 * found + 1 : 2 * (-found - 1));
    }

    /** Every element under {@code element}, depth first; the XML reader links each child element to its parent. */
    private static void collect(DMNModelInstrumentedBase element, List<DMNModelInstrumentedBase> into) {
        into.add(element);
        for (DMNModelInstrumentedBase child : element.getChildren()) {
            collect(child, into);
        }
    }

    /** The FEEL texts of the model: literal expressions (input and output entries included) and unary tests. */
    static List<String> feelTexts(DMNModel model) {
        List<DMNModelInstrumentedBase> elements = new ArrayList<>();
        collect(model.getDefinitions(), elements);
        return elements.stream().map(InputClasses::textOf).filter(text -> text != null).toList();
    }

    private static String textOf(DMNModelInstrumentedBase element) {
        return element instanceof LiteralExpression literal ? literal.getText()
                : element instanceof UnaryTests tests ? tests.getText() : null;
    }

    /**
     * The boundaries of input {@code name}, or empty if the model could see more of its value than its class: the name
     * in any FEEL text other than a column's input expression that is exactly the name, or a column entry that is not a
     * list of number comparisons and ranges. A name no table tests is left exact (nothing to gain, nothing to check).
     */
    private static Optional<BigDecimal[]> boundariesOf(String name, List<DMNModelInstrumentedBase> elements,
                                                                 Definitions definitions) {
        Pattern token = Pattern.compile("(?<![\\p{L}\\p{N}_])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_])");
        TreeSet<BigDecimal> found = new TreeSet<>(BigDecimal::compareTo);
        boolean tested = false;
        for (DMNModelInstrumentedBase element : elements) {
            String text = textOf(element);
            if (text != null && token.matcher(text).find() && !isColumnOf(name, element)) {
                return Optional.empty();
            }
            if (element instanceof DecisionTable table) {
                List<InputClause> columns = table.getInput();
                for (int column = 0; column < columns.size(); column++) {
                    InputClause clause = columns.get(column);
                    if (!isColumnOf(name, clause.getInputExpression())) {
                        continue;
                    }
                    tested = true;
                    if (!plainNumber(clause.getInputExpression().getTypeRef(), definitions)
                            || clause.getInputValues() != null && !addBoundaries(clause.getInputValues().getText(), found)) {
                        return Optional.empty();
                    }
                    for (DecisionRule rule : table.getRule()) {
                        if (!addBoundaries(rule.getInputEntry().get(column).getText(), found)) {
                            return Optional.empty();
                        }
                    }
                }
            }
        }
        return tested ? Optional.of(found.toArray(BigDecimal[]::new)) : Optional.empty();
    }

    private static boolean isColumnOf(String name, DMNModelInstrumentedBase element) {
        return element instanceof LiteralExpression expression && expression.getParent() instanceof InputClause clause
                && clause.getInputExpression() == expression && expression.getText() != null && name.equals(expression.getText().trim());
    }

    /** Adds the number literals of a column entry; false if the entry is anything but {@code -}, empty or number tests. */
    private static boolean addBoundaries(String unaryTests, Set<BigDecimal> into) {
        String text = unaryTests == null ? "" : unaryTests.trim();
        if (text.isEmpty() || text.equals("-")) {
            return true;
        }
        // A comma inside anything but a plain list (a function call, a string) leaves a piece that matches neither form.
        for (String test : text.split(",", -1)) {
            Matcher comparison = COMPARISON.matcher(test.trim());
            Matcher range = RANGE.matcher(test.trim());
            if (comparison.matches()) {
                into.add(literal(comparison.group(1)));
            } else if (range.matches()) {
                into.add(literal(range.group(1)));
                into.add(literal(range.group(2)));
            } else {
                return false;
            }
        }
        return true;
    }

    /** A number literal as FEEL reads it (DECIMAL128). */
    private static BigDecimal literal(String text) {
        return NumberEvalHelper.getBigDecimalOrNull(text);
    }

    /** No type, or FEEL's own number or Any: not an item definition of the model, which could constrain the values. */
    private static boolean plainNumber(QName typeRef, Definitions definitions) {
        if (typeRef == null) {
            return true;
        }
        String local = typeRef.getLocalPart();
        String type = local.substring(local.indexOf(':') + 1).trim();
        return PLAIN_TYPES.contains(type) && definitions.getItemDefinition().stream().noneMatch(item -> type.equals(item.getName()));
    }
}
