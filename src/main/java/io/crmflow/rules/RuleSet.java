package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.LongAdder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.kie.api.runtime.KieContainer;
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
    private final Deque<StandingSession> idleSessions = new ConcurrentLinkedDeque<>();
    private final Map<String, RememberedModel> rememberedModels = new ConcurrentHashMap<>();
    private final Cache<RememberedKey, DecisionOutcome> remembered = Caffeine.newBuilder().maximumSize(REMEMBERED_OUTCOMES).build();
    private final LongAdder rememberedMisses = new LongAdder();

    /**
     * Sessions kept idle per version: decisions run concurrently (request threads, job executor) and a KIE session is
     * not thread-safe, so the pool grows to the number of decisions in flight; beyond this many, a returned session is
     * dropped rather than kept. Each holds the team (a few hundred facts).
     */
    private static final int IDLE_SESSIONS = 8;
    /**
     * Outcomes remembered per version, all models together. Keys are classes of inputs where the tables allow it
     * (lead-score: 8 sources × 7 visit classes × 7 dwell classes = 392 in all), exact inputs elsewhere; 10 000 outcomes
     * take a few MB.
     */
    private static final int REMEMBERED_OUTCOMES = 10_000;

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
        return evaluateAll(model(modelName), inputs);
    }

    private DMNModel model(String modelName) {
        return dmnRuntime.getModels().stream()
                .filter(candidate -> candidate.getName().equals(modelName))
                .findFirst()
                .orElseThrow(() -> new DecisionFailedException("No DMN model named '" + modelName + "' in rule set " + version));
    }

    private DecisionOutcome evaluateAll(DMNModel model, Map<String, Object> inputs) {
        Evaluation evaluation = evaluate(model, inputs);
        if (evaluation.result().hasErrors()) {
            throw new DecisionFailedException("DMN model '" + model.getName() + "' failed: " + evaluation.result().getMessages());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        for (DMNDecisionResult decision : evaluation.result().getDecisionResults()) {
            results.put(decision.getDecisionName(), decision.getResult());
        }
        // Unmodifiable: an outcome's results may be remembered (evaluateRemembered) and handed to many decisions.
        return new DecisionOutcome(frozen(inputs), Collections.unmodifiableMap(results), evaluation.matchedRows(), version);
    }

    /** The inputs as given, in their order; null values are inputs too (DMN decides on missing information). */
    private static Map<String, Object> frozen(Map<String, Object> inputs) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }

    /**
     * {@link #evaluate} for a model that is a pure function of its inputs under this version (tables and literal
     * expressions without data look-ups; a model that reads the clock is evaluated every time), remembering outcomes by
     * what the model can tell apart of the inputs ({@link InputClasses}). A number input that the model only compares with number literals in decision-table entries
     * counts by its interval between those boundaries (or as a boundary itself): every value of an interval makes every
     * entry of its columns true or false alike, so the same rows match, and since no output entry or other expression
     * can see the value, every decision gives the same result. Every other input counts by its exact value. A hit gives
     * the remembered results and matched rows with this call's own inputs, so a decision record shows what it decided on.
     * <p>
     * The remembered outcomes belong to this version, so a decision of another version can never get them; failures
     * are not remembered. Bounded to {@value #REMEMBERED_OUTCOMES} outcomes, the least used making room. Values of
     * {@code inputs} must not change after the call (those kept exactly are part of the key).
     *
     * @throws DecisionFailedException when the model is missing or reports errors for these inputs
     */
    public DecisionOutcome evaluateRemembered(String modelName, Map<String, Object> inputs) {
        // Analysed when first asked for: most models of a version are never remembered.
        RememberedModel remembering = rememberedModels.computeIfAbsent(modelName, name -> {
            DMNModel model = model(name);
            return new RememberedModel(model, InputClasses.of(model));
        });
        if (!remembering.classes().rememberable()) {
            return evaluateAll(remembering.model(), inputs);
        }
        RememberedKey key = new RememberedKey(modelName, remembering.classes().keyOf(inputs));
        DecisionOutcome known = remembered.getIfPresent(key);
        if (known != null) {
            return new DecisionOutcome(frozen(inputs), known.results(), known.matchedRules(), version);
        }
        rememberedMisses.increment();
        DecisionOutcome outcome = evaluateAll(remembering.model(), inputs);
        remembered.put(key, outcome);
        return outcome;
    }

    /** How many times {@link #evaluateRemembered} had to evaluate (misses, failures included): shows what the classes save. */
    long rememberedMisses() {
        return rememberedMisses.sum();
    }

    private record RememberedModel(DMNModel model, InputClasses classes) {
    }

    private record RememberedKey(String model, Map<String, Object> inputs) {
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

    /**
     * Fires the DRL rules for one decision: {@code standing} are the facts that hold across decisions (the team as it is
     * now), {@code facts} the decision's own (the lead). Returns what the decision inserted and the rules derived, and
     * the rules that fired. The session comes from this version's pool, where the standing facts stay inserted and only
     * those that changed since the session's last decision are updated; a session whose firing failed is discarded.
     */
    public RuleFiring fire(Collection<? extends StandingFact> standing, Collection<?> facts) {
        StandingSession session = idleSessions.pollFirst();
        if (session == null) {
            session = new StandingSession(container.newKieSession());
        }
        RuleFiring firing;
        try {
            firing = session.fire(standing, facts, version);
        } catch (RuntimeException failed) {
            session.dispose();
            throw failed;
        }
        if (idleSessions.size() < IDLE_SESSIONS) {
            // Last in, first out: the busiest session holds the most recent team and has the least to update.
            idleSessions.offerFirst(session);
        } else {
            session.dispose();
        }
        return firing;
    }
}
