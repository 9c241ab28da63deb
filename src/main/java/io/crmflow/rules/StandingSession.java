package io.crmflow.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.FactHandle;

/**
 * A KIE session of one rule-set version that is kept between decisions: the {@link StandingFact}s (the team) stay in it
 * and are re-synchronised before every decision, the decision's own facts are inserted, the rules fired, and everything
 * the decision inserted or the rules derived is deleted again, so the next decision starts from the standing facts
 * alone — as a fresh session with the same facts would. Not thread-safe: {@link RuleSet} lends it to one decision at a time.
 */
final class StandingSession {

    private final KieSession session;
    private final Map<String, Standing> standing = new HashMap<>();
    /** What the current decision inserted (its facts and whatever its rules inserted), in order, while still in memory. */
    private final Map<FactHandle, Object> inserted = new LinkedHashMap<>();
    private final Set<MatchedRule> fired = new LinkedHashSet<>();
    private boolean deciding;
    /** The standing facts as handed to the last decision, in their order. */
    private StandingFact[] lastHanded = new StandingFact[0];
    private long generation;

    StandingSession(KieSession session) {
        this.session = session;
        session.addEventListener(new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                // A rule firing once per rep would bury the explanation: each rule is listed once.
                fired.add(new MatchedRule(event.getMatch().getRule().getPackageName(), event.getMatch().getRule().getName()));
            }
        });
        session.addEventListener(new RuleRuntimeEventListener() {
            @Override
            public void objectInserted(ObjectInsertedEvent event) {
                if (deciding) {
                    inserted.put(event.getFactHandle(), event.getObject());
                }
            }

            @Override
            public void objectUpdated(ObjectUpdatedEvent event) {
                inserted.replace(event.getFactHandle(), event.getObject());
            }

            @Override
            public void objectDeleted(ObjectDeletedEvent event) {
                inserted.remove(event.getFactHandle());
            }
        });
    }

    RuleFiring fire(Collection<? extends StandingFact> standingFacts, Collection<?> facts, String version) {
        synchronise(standingFacts);
        fired.clear();
        inserted.clear();
        deciding = true;
        try {
            facts.forEach(session::insert);
            session.fireAllRules();
            List<Object> derived = new ArrayList<>(inserted.values());
            // Deleting the decision's own facts first lets the engine retract what was logically inserted from them.
            while (!inserted.isEmpty()) {
                FactHandle next = inserted.keySet().iterator().next();
                session.delete(next);
                inserted.remove(next);
            }
            return new RuleFiring(List.copyOf(derived), List.copyOf(fired), version);
        } finally {
            deciding = false;
        }
    }

    /** Makes the standing facts in the session those handed: inserts new ones, updates changed ones, deletes gone ones. */
    private void synchronise(Collection<? extends StandingFact> current) {
        StandingFact[] handed = current.toArray(new StandingFact[0]);
        if (!synchroniseInPlace(handed)) {
            synchroniseByKey(handed);
        }
        lastHanded = handed;
    }

    /**
     * The common case, the same team in the same order as at the session's last decision with some reps changed: checked
     * position by position, where an unchanged rep is usually the very same object (no look-up at all). False, with
     * nothing left half done that {@link #synchroniseByKey} would not finish, when a rep joined, left or moved.
     */
    private boolean synchroniseInPlace(StandingFact[] handed) {
        if (handed.length != lastHanded.length || standing.size() != handed.length) {
            return false;
        }
        for (int i = 0; i < handed.length; i++) {
            StandingFact fact = handed[i];
            if (fact != lastHanded[i]) {
                Standing held = standing.get(fact.factKey());
                if (held == null || held.fact != lastHanded[i]) {
                    return false;
                }
                update(held, fact);
            }
        }
        return true;
    }

    private void synchroniseByKey(StandingFact[] handed) {
        generation++;
        for (StandingFact fact : handed) {
            Standing held = standing.get(fact.factKey());
            if (held == null) {
                standing.put(fact.factKey(), new Standing(session.insert(fact), fact, generation));
            } else {
                update(held, fact);
                held.generation = generation;
            }
        }
        if (standing.size() > handed.length) {
            for (Iterator<Standing> held = standing.values().iterator(); held.hasNext(); ) {
                Standing gone = held.next();
                if (gone.generation != generation) {
                    session.delete(gone.handle);
                    held.remove();
                }
            }
        }
    }

    private void update(Standing held, StandingFact fact) {
        if (held.fact != fact && !held.fact.equals(fact)) {
            session.update(held.handle, fact);
        }
        held.fact = fact;
    }

    void dispose() {
        session.dispose();
    }

    private static final class Standing {
        final FactHandle handle;
        StandingFact fact;
        long generation;

        Standing(FactHandle handle, StandingFact fact, long generation) {
            this.handle = handle;
            this.fact = fact;
            this.generation = generation;
        }
    }
}
