package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSession;
import org.kie.dmn.api.core.DMNContext;
import org.kie.dmn.api.core.DMNDecisionResult;
import org.kie.dmn.api.core.DMNModel;
import org.kie.dmn.api.core.DMNResult;
import org.kie.dmn.api.core.DMNRuntime;
import org.kie.dmn.api.core.event.AfterEvaluateDecisionTableEvent;
import org.kie.dmn.api.core.event.DMNRuntimeEventListener;

/**
 * One compiled, immutable version of the files in {@code rules/}: the DMN models, the DRL knowledge base and the
 * plain files (such as the business calendar). Decisions made with it carry its {@link #version()}.
 * A new version is built by {@link RuleSetCompiler} and swapped in by {@link ActiveRuleSet} without a restart.
 */
public final class RuleSet {

    private final String version;
    private final SortedMap<String, RuleFile> files;
    private final KieContainer container;
    private final DMNRuntime dmnRuntime;
    private final ThreadLocal<List<MatchedRule>> matchedRows = ThreadLocal.withInitial(ArrayList::new);

    RuleSet(String version, SortedMap<String, RuleFile> files, KieContainer container, DMNRuntime dmnRuntime) {
        this.version = version;
        this.files = files;
        this.container = container;
        this.dmnRuntime = dmnRuntime;
        // One listener per runtime, collecting per thread: listeners cannot be added per call on a shared runtime.
        dmnRuntime.addListener(new DMNRuntimeEventListener() {
            @Override
            public void afterEvaluateDecisionTable(AfterEvaluateDecisionTableEvent event) {
                for (Integer row : event.getSelected()) {
                    matchedRows.get().add(new MatchedRule(event.getDecisionTableName(), String.valueOf(row)));
                }
            }
        });
    }

    /** Content hash of all files; equal files give an equal version. */
    public String version() {
        return version;
    }

    public Collection<RuleFile> files() {
        return files.values();
    }

    public Optional<RuleFile> file(String name) {
        return Optional.ofNullable(files.get(name));
    }

    public List<String> dmnModelNames() {
        return dmnRuntime.getModels().stream().map(DMNModel::getName).sorted().toList();
    }

    /**
     * Evaluates every decision of the DMN model named {@code modelName} (the {@code name} of its definitions).
     *
     * @throws DecisionFailedException when the model is missing or reports errors for these inputs
     */
    public DecisionOutcome evaluate(String modelName, Map<String, Object> inputs) {
        DMNModel model = dmnRuntime.getModels().stream()
                .filter(candidate -> candidate.getName().equals(modelName))
                .findFirst()
                .orElseThrow(() -> new DecisionFailedException("No DMN model named '" + modelName + "' in rule set " + version));
        Evaluation evaluation = evaluate(model, inputs);
        if (evaluation.result().hasErrors()) {
            throw new DecisionFailedException("DMN model '" + modelName + "' failed: " + evaluation.result().getMessages());
        }
        Map<String, Object> results = new java.util.LinkedHashMap<>();
        for (DMNDecisionResult decision : evaluation.result().getDecisionResults()) {
            results.put(decision.getDecisionName(), decision.getResult());
        }
        return new DecisionOutcome(Map.copyOf(inputs), results, evaluation.matchedRows(), version);
    }

    /** A DMN result as the runtime gives it, with the decision-table rows that matched. */
    record Evaluation(DMNResult result, List<MatchedRule> matchedRows) {
    }

    /**
     * Evaluates the decisions named (all of the model's when none are): {@code inputs} may also give the values of
     * decisions a named decision requires, which are then not evaluated. Errors are in the result, not thrown.
     */
    Evaluation evaluate(DMNModel model, Map<String, Object> inputs, String... decisionNames) {
        DMNContext context = dmnRuntime.newContext();
        inputs.forEach(context::set);
        matchedRows.remove();
        try {
            DMNResult result = decisionNames.length == 0 ? dmnRuntime.evaluateAll(model, context)
                    : dmnRuntime.evaluateByName(model, context, decisionNames);
            return new Evaluation(result, List.copyOf(matchedRows.get()));
        } finally {
            matchedRows.remove();
        }
    }

    List<DMNModel> dmnModels() {
        return dmnRuntime.getModels();
    }

    /** Inserts {@code facts} into a fresh session of the DRL knowledge base, fires all rules and returns what is left. */
    public RuleFiring fire(Collection<?> facts) {
        KieSession session = container.newKieSession();
        try {
            // A rule firing once per rep would bury the explanation: each rule is listed once.
            Set<MatchedRule> fired = new LinkedHashSet<>();
            session.addEventListener(new DefaultAgendaEventListener() {
                @Override
                public void afterMatchFired(AfterMatchFiredEvent event) {
                    fired.add(new MatchedRule(event.getMatch().getRule().getPackageName(), event.getMatch().getRule().getName()));
                }
            });
            facts.forEach(session::insert);
            session.fireAllRules();
            return new RuleFiring(List.copyOf(session.getObjects()), List.copyOf(fired), version);
        } finally {
            session.dispose();
        }
    }
}
