package io.crmflow.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.xml.namespace.QName;

import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNMessage;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.ast.DecisionNode;
import org.kie.dmn.api.core.ast.InputDataNode;
import org.kie.dmn.model.api.DecisionRule;
import org.kie.dmn.model.api.DecisionTable;
import org.kie.dmn.model.api.HitPolicy;
import org.kie.dmn.model.api.InputClause;
import org.kie.dmn.model.api.OutputClause;

/**
 * Evaluates every DMN decision of a compiled rule set over the input space its own tables define, before the set may
 * serve: a table that compiles can still fail when it runs (an output of the wrong type, a FEEL error in a literal
 * expression, a value outside an output's allowed values). The space is every value a rule's input entry names, and
 * for numbers each boundary one below and one above; required decisions are also given each value their consumers'
 * tables test. Each failure is reported once, at the line of the rule row (or decision) it came from, with the input
 * that showed it.
 */
final class DecisionProbe {

    /** Beyond this many combinations per model, each input's values are tried one at a time instead. */
    private static final int MAX_COMBINATIONS = 4_000;
    private static final int MAX_PROBLEMS_PER_MODEL = 10;
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.\"])-?\\d+(?:\\.\\d+)?(?![\\w\"])");
    private static final Pattern STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Set<HitPolicy> SINGLE_HIT = Set.of(HitPolicy.UNIQUE, HitPolicy.ANY, HitPolicy.FIRST, HitPolicy.PRIORITY);
    private static final Pattern FEEL_NAME = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    private final RuleSet ruleSet;
    private final DMNModel model;
    private final String fileName;
    private final DmnSourceLines lines;
    private final Map<String, Set<Object>> candidates = new TreeMap<>();
    private final Map<String, RuleProblem> problems = new LinkedHashMap<>();

    private DecisionProbe(RuleSet ruleSet, DMNModel model) {
        this.ruleSet = ruleSet;
        this.model = model;
        String source = model.getResource() == null ? null : model.getResource().getSourcePath();
        this.fileName = source == null ? model.getName() + ".dmn" : source.substring(source.lastIndexOf('/') + 1);
        this.lines = ruleSet.file(fileName).map(DmnSourceLines::of).orElse(null);
    }

    static List<RuleProblem> probe(RuleSet ruleSet) {
        List<RuleProblem> found = new ArrayList<>();
        for (DMNModel model : ruleSet.dmnModels()) {
            found.addAll(new DecisionProbe(ruleSet, model).run());
        }
        return found;
    }

    private List<RuleProblem> run() {
        for (DecisionNode decision : model.getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                collectCandidates(table);
            }
        }
        List<String> inputNames = model.getInputs().stream().map(InputDataNode::getName).toList();
        Map<String, Object> baseline = new LinkedHashMap<>();
        for (String input : inputNames) {
            firstCandidate(input).ifPresent(value -> baseline.put(input, value));
        }
        for (Map<String, Object> inputs : combinations(inputNames, baseline)) {
            RuleSet.Evaluation evaluation = ruleSet.evaluate(model, inputs);
            check(evaluation, inputs);
            checkCoverage(evaluation, inputs);
        }
        // Tables that test other decisions' results: every value they test, not only those today's upstream tables give.
        Set<String> decisionNames = model.getDecisions().stream().map(DecisionNode::getName).collect(Collectors.toSet());
        for (DecisionNode decision : model.getDecisions()) {
            if (decision.getDecision().getExpression() instanceof DecisionTable table) {
                List<String> required = columns(table).stream().filter(decisionNames::contains).distinct().toList();
                if (!required.isEmpty()) {
                    for (Map<String, Object> inputs : combinations(required, baseline)) {
                        check(ruleSet.evaluate(model, inputs, decision.getName()), inputs);
                    }
                }
            }
        }
        return List.copyOf(problems.values());
    }

    private void collectCandidates(DecisionTable table) {
        List<InputClause> inputs = table.getInput();
        for (int column = 0; column < inputs.size(); column++) {
            String name = inputs.get(column).getInputExpression().getText().trim();
            if (!FEEL_NAME.matcher(name).matches()) {
                continue;
            }
            String type = typeName(inputs.get(column).getInputExpression().getTypeRef());
            Set<Object> values = candidates.computeIfAbsent(name, key -> new LinkedHashSet<>());
            for (DecisionRule rule : table.getRule()) {
                values.addAll(valuesIn(rule.getInputEntry().get(column).getText(), type));
            }
            if (values.isEmpty()) {
                defaultValue(type).ifPresent(values::add);
            }
        }
    }

    private static List<Object> valuesIn(String unaryTests, String type) {
        List<Object> values = new ArrayList<>();
        switch (type) {
            case "number" -> {
                Matcher numbers = NUMBER.matcher(unaryTests);
                while (numbers.find()) {
                    BigDecimal boundary = new BigDecimal(numbers.group());
                    values.add(boundary.subtract(BigDecimal.ONE));
                    values.add(boundary);
                    values.add(boundary.add(BigDecimal.ONE));
                }
            }
            case "string" -> {
                Matcher strings = STRING.matcher(unaryTests);
                while (strings.find()) {
                    values.add(strings.group(1));
                }
            }
            case "boolean" -> values.addAll(List.of(true, false));
            default -> {
                // Dates and other types: the tables' own values are not enumerated; the model's other inputs still are.
            }
        }
        return values;
    }

    private static Optional<Object> defaultValue(String type) {
        return switch (type) {
            case "number" -> Optional.of(BigDecimal.ZERO);
            case "string" -> Optional.of("");
            case "boolean" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private Optional<Object> firstCandidate(String name) {
        return candidates.getOrDefault(name, Set.of()).stream().findFirst();
    }

    private static List<String> columns(DecisionTable table) {
        return table.getInput().stream().map(input -> input.getInputExpression().getText().trim()).toList();
    }

    /** Every combination of the names' candidate values, or each value once on {@code baseline} if that is too many. */
    private List<Map<String, Object>> combinations(List<String> names, Map<String, Object> baseline) {
        long size = 1;
        for (String name : names) {
            size *= Math.max(1, candidates.getOrDefault(name, Set.of()).size());
        }
        List<Map<String, Object>> combinations = new ArrayList<>();
        if (size <= MAX_COMBINATIONS) {
            combinations.add(new LinkedHashMap<>(baseline));
            for (String name : names) {
                Set<Object> values = candidates.getOrDefault(name, Set.of());
                if (values.isEmpty()) {
                    continue;
                }
                List<Map<String, Object>> extended = new ArrayList<>();
                for (Map<String, Object> partial : combinations) {
                    for (Object value : values) {
                        Map<String, Object> next = new LinkedHashMap<>(partial);
                        next.put(name, value);
                        extended.add(next);
                    }
                }
                combinations = extended;
            }
            return combinations;
        }
        for (String name : names) {
            for (Object value : candidates.getOrDefault(name, Set.of())) {
                Map<String, Object> next = new LinkedHashMap<>(baseline);
                next.put(name, value);
                combinations.add(next);
            }
        }
        return combinations;
    }

    private void check(RuleSet.Evaluation evaluation, Map<String, Object> inputs) {
        for (DMNDecisionResult result : evaluation.result().getDecisionResults()) {
            DecisionNode decision = model.getDecisionByName(result.getDecisionName());
            if (decision != null && result.getResult() != null) {
                checkTypes(decision, result.getResult(), evaluation.matchedRows(), inputs);
            }
        }
        for (DMNMessage message : evaluation.result().getMessages(DMNMessage.Severity.ERROR)) {
            String decision = decisionOf(message.getSourceId());
            report(lineOf(message.getSourceId()), (decision != null ? "decision '" + decision + "': " : "") + message.getText(), inputs);
        }
    }

    /**
     * A single-hit table without a default that no row matches decides nothing. Values outside every boundary a column
     * names (a discount of -1 %) are not expected to match; a value between its boundaries, or any value an upstream
     * decision produced, is.
     */
    private void checkCoverage(RuleSet.Evaluation evaluation, Map<String, Object> inputs) {
        Set<String> matchedTables = evaluation.matchedRows().stream().map(MatchedRule::table).collect(Collectors.toSet());
        for (DMNDecisionResult result : evaluation.result().getDecisionResults()) {
            DecisionNode decision = model.getDecisionByName(result.getDecisionName());
            if (decision == null || result.getResult() != null || result.getEvaluationStatus() != DMNDecisionResult.DecisionEvaluationStatus.SUCCEEDED
                    || matchedTables.contains(decision.getName()) || !(decision.getDecision().getExpression() instanceof DecisionTable table)
                    || !SINGLE_HIT.contains(table.getHitPolicy()) || table.getOutput().stream().anyMatch(output -> output.getDefaultOutputEntry() != null)) {
                continue;
            }
            Map<String, Object> values = new LinkedHashMap<>(inputs);
            evaluation.result().getDecisionResults().forEach(upstream -> values.putIfAbsent(upstream.getDecisionName(), upstream.getResult()));
            List<InputClause> columns = table.getInput();
            // A column computed by an expression has no value the probe knows, so it cannot tell a gap from a value out of range.
            boolean expected = columns.stream().allMatch(column -> FEEL_NAME.matcher(column.getInputExpression().getText().trim()).matches());
            for (int column = 0; column < columns.size(); column++) {
                expected &= withinBoundaries(table, column, values.get(columns.get(column).getInputExpression().getText().trim()));
            }
            if (expected) {
                report(lineOf(decision.getId()), "decision '" + decision.getName() + "': no row matches, so it decides nothing", values);
            }
        }
    }

    private boolean withinBoundaries(DecisionTable table, int column, Object value) {
        if (!(value instanceof Number number)) {
            return true;
        }
        List<BigDecimal> boundaries = new ArrayList<>();
        for (DecisionRule rule : table.getRule()) {
            Matcher numbers = NUMBER.matcher(rule.getInputEntry().get(column).getText());
            while (numbers.find()) {
                boundaries.add(new BigDecimal(numbers.group()));
            }
        }
        BigDecimal decimal = new BigDecimal(number.toString());
        String name = table.getInput().get(column).getInputExpression().getText().trim();
        boolean fromUpstream = model.getDecisionByName(name) != null;
        return fromUpstream || boundaries.isEmpty()
                || (decimal.compareTo(java.util.Collections.min(boundaries)) >= 0 && decimal.compareTo(java.util.Collections.max(boundaries)) <= 0);
    }

    private void checkTypes(DecisionNode decision, Object result, List<MatchedRule> matchedRows, Map<String, Object> inputs) {
        if (decision.getDecision().getExpression() instanceof DecisionTable table) {
            List<OutputClause> outputs = table.getOutput();
            Optional<DecisionRule> row = matchedRows.stream().filter(matched -> matched.table().equals(decision.getName())).findFirst()
                    .map(matched -> table.getRule().get(Integer.parseInt(matched.rule()) - 1));
            String where = "decision '" + decision.getName() + "'" + row.map(rule -> ", row " + (table.getRule().indexOf(rule) + 1)).orElse("");
            for (int index = 0; index < outputs.size(); index++) {
                OutputClause output = outputs.get(index);
                Object value = outputs.size() == 1 ? result : result instanceof Map<?, ?> map ? map.get(output.getName()) : null;
                String name = output.getName() != null ? output.getName() : decision.getName();
                int column = index;
                // The cell that gave the value, else its row, else the decision.
                int line = row.flatMap(rule -> line(rule.getOutputEntry().get(column).getId()).or(() -> line(rule.getId())))
                        .orElseGet(() -> lineOf(decision.getId()));
                typeProblem(value, typeName(output.getTypeRef()))
                        .ifPresent(problem -> report(line, where + ": output '" + name + "' " + problem, inputs));
            }
        } else {
            QName typeRef = decision.getDecision().getVariable() == null ? null : decision.getDecision().getVariable().getTypeRef();
            typeProblem(result, typeName(typeRef)).ifPresent(problem -> report(lineOf(decision.getId()),
                    "decision '" + decision.getName() + "' " + problem, inputs));
        }
    }

    private static Optional<String> typeProblem(Object value, String type) {
        if (value == null) {
            return Optional.empty();
        }
        boolean fits = switch (type) {
            case "number" -> value instanceof Number;
            case "string" -> value instanceof String;
            case "boolean" -> value instanceof Boolean;
            case "date" -> value instanceof LocalDate;
            default -> true;
        };
        return fits ? Optional.empty() : Optional.of("is " + describe(value) + ", but its type is " + type);
    }

    private static String describe(Object value) {
        String kind = value instanceof String ? "text" : value instanceof Number ? "a number" : value instanceof Boolean ? "a boolean"
                : value.getClass().getSimpleName();
        return (value instanceof String ? "\"" + value + "\"" : String.valueOf(value)) + " (" + kind + ")";
    }

    private static String typeName(QName typeRef) {
        if (typeRef == null) {
            return "";
        }
        String local = typeRef.getLocalPart();
        return local.substring(local.indexOf(':') + 1).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private String decisionOf(String elementId) {
        if (elementId == null) {
            return null;
        }
        return model.getDecisions().stream().filter(decision -> elementId.equals(decision.getId())
                        || (decision.getDecision().getExpression() != null && elementId.equals(decision.getDecision().getExpression().getId())))
                .map(DecisionNode::getName).findFirst().orElse(null);
    }

    private Optional<Integer> line(String elementId) {
        return lines == null ? Optional.empty() : lines.lineOf(elementId);
    }

    private int lineOf(String elementId) {
        return line(elementId).orElse(-1);
    }

    private void report(int line, String problem, Map<String, Object> inputs) {
        String key = line + "|" + problem;
        if (problems.size() < MAX_PROBLEMS_PER_MODEL && !problems.containsKey(key)) {
            problems.put(key, new RuleProblem(fileName, line, problem + " (input " + describeInputs(inputs) + ")"));
        }
    }

    private static String describeInputs(Map<String, Object> inputs) {
        return inputs.entrySet().stream()
                .map(entry -> entry.getKey() + " = " + (entry.getValue() instanceof String text ? "\"" + text + "\"" : entry.getValue()))
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
