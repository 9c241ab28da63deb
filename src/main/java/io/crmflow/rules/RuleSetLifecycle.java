package io.crmflow.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.crmflow.rules.RuleSetAuditEntry.Action;
import io.crmflow.rules.RuleSetVersion.Status;
import io.crmflow.web.ConflictException;
import io.crmflow.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Candidates, replay, activation and rollback of rule sets (docs/product.md §6). Changes run one at a time, so the version stored
 * as ACTIVE and the one {@link ActiveRuleSet} serves are the same: the database is written first, and the in-memory
 * switch happens only after that commit.
 */
@Service
class RuleSetLifecycle {

    /** How many recent records of each kind (leads, tickets, ...) a new version must be able to decide again before it is stored or activated. */
    static final int REPLAYED_BEFORE_ACTIVATION = 1000;
    private static final int MAX_FAILURES_REPORTED = 5;
    /** Where a problem found by replaying recent records is "in": it names the decision and record, not a line. */
    private static final String RECENT_RECORDS = "(recent records)";

    private final ActiveRuleSet active;
    private final RuleSetCompiler compiler;
    private final RuleSetVersions versions;
    private final List<DecisionReplayer> replayers;
    private final TransactionTemplate transaction;
    private volatile RuleSet lastCompiled;

    RuleSetLifecycle(ActiveRuleSet active, RuleSetCompiler compiler, RuleSetVersions versions, List<DecisionReplayer> replayers,
                     PlatformTransactionManager transactions) {
        this.active = active;
        this.compiler = compiler;
        this.versions = versions;
        this.replayers = List.copyOf(replayers);
        this.transaction = new TransactionTemplate(transactions);
    }

    /** A stored candidate, and whether this call stored it (false: the same files were stored before). */
    record Stored(RuleSetVersion version, boolean created) {
    }

    RuleSetVersion version(long id) {
        return versions.find(id).orElseThrow(() -> new NotFoundException("There is no rule-set version " + id));
    }

    RuleSetVersion activeVersion() {
        return versions.active().orElseThrow(() -> new IllegalStateException("No rule-set version is active"));
    }

    List<RuleSetVersion> allVersions() {
        return versions.all();
    }

    List<RuleSetAuditEntry> audit() {
        return versions.audit();
    }

    /**
     * Stores the active files with {@code uploaded} replacing or adding files of the same name.
     *
     * @throws RuleValidationException when the result does not compile or cannot decide (the probe, recent records); then
     *                                 nothing is stored
     */
    synchronized Stored upload(Collection<RuleFile> uploaded, String actor) {
        RuleSetVersion base = activeVersion();
        Map<String, RuleFile> files = RuleFile.byName(versions.files(base.id()));
        uploaded.forEach(file -> files.put(file.name(), file));
        return store(files.values(), base, actor);
    }

    /** Re-decides the recent decisions of every feature with the candidate; writes nothing. */
    List<ReplayReport> replay(long id, int last) {
        return replay(id, last, (decided, total) -> { });
    }

    /** How far a replay has come: records decided so far, of at most {@code total}. */
    @FunctionalInterface
    interface Progress {
        void decided(int decided, int total);
    }

    /** The same, telling {@code progress} as records are decided (from the thread that replays). */
    List<ReplayReport> replay(long id, int last, Progress progress) {
        RuleSetVersion candidate = version(id);
        return replay(compiled(candidate), last, progress);
    }

    private List<ReplayReport> replay(RuleSet candidate, int last, Progress progress) {
        // Each feature replays at most `last` records; one with fewer moves the count on to where the next one starts.
        int total = last * replayers.size();
        int[] decided = {0};
        List<ReplayReport> reports = new ArrayList<>();
        for (int i = 0; i < replayers.size(); i++) {
            int end = (i + 1) * last;
            reports.add(replayers.get(i).replay(candidate, last, more -> {
                decided[0] = Math.min(decided[0] + more, end);
                progress.decided(decided[0], total);
            }));
            decided[0] = end;
            progress.decided(decided[0], total);
        }
        return reports;
    }

    /**
     * The version compiled: a candidate is usually replayed right after it was uploaded or replayed before, so the
     * last one compiled is kept (a build costs from a tenth of a second to seconds).
     */
    private RuleSet compiled(RuleSetVersion version) {
        RuleSet last = lastCompiled;
        if (last != null && last.version().equals(version.version())) {
            return last;
        }
        RuleSet compiled = compiler.compile(versions.files(version.id()));
        lastCompiled = compiled;
        return compiled;
    }

    /**
     * Refuses {@code candidate} if it cannot decide one of the recent real records: the probe of {@link RuleSetCompiler#validate}
     * covers the tables' own input space, this the inputs people actually send.
     */
    private void checkRecentRecords(RuleSet candidate) {
        lastCompiled = candidate;
        List<RuleProblem> problems = replay(candidate, REPLAYED_BEFORE_ACTIVATION, (decided, total) -> { }).stream()
                .flatMap(report -> report.failures().stream().limit(MAX_FAILURES_REPORTED)
                        .map(failure -> new RuleProblem(RECENT_RECORDS, null, report.kind() + " " + failure.record() + " ("
                                + failure.decision() + ") cannot be decided: " + failure.message())))
                .toList();
        if (!problems.isEmpty()) {
            throw new RuleValidationException(problems);
        }
    }

    /** @param note why, kept with the audit entry in the same transaction (may be null) */
    synchronized RuleSetVersion activate(long id, String actor, String note) {
        RuleSetVersion target = version(id);
        if (target.status() == Status.ACTIVE) {
            throw new ConflictException("Rule-set version " + id + " is already active");
        }
        return switchTo(target, Action.ACTIVATE, actor, note);
    }

    /** Back to the version that was active before the current one was activated. */
    synchronized RuleSetVersion rollback(String actor, String note) {
        RuleSetVersion current = activeVersion();
        long previous = versions.activeBefore(current.id()).orElseThrow(() -> new ConflictException(
                "Rule-set version " + current.id() + " is the first active version: there is nothing to roll back to"));
        return switchTo(version(previous), Action.ROLLBACK, actor, note);
    }

    /**
     * Makes exactly {@code files} the active version (the dev file watcher: what is on disk is what runs).
     *
     * @return the version now active, empty if the files already were
     * @throws RuleValidationException when they do not compile; the active version stays
     */
    synchronized Optional<RuleSetVersion> activateFiles(Collection<RuleFile> files, String actor) {
        RuleSetVersion current = activeVersion();
        if (RuleSetCompiler.versionOf(files).equals(current.version())) {
            return Optional.empty();
        }
        return Optional.of(switchTo(store(files, current, actor).version(), Action.ACTIVATE, actor, null));
    }

    /**
     * Serves the version the database says is active, if this node serves another one: on a cluster, an activation or
     * rollback is made on one node and read by the others from the shared database ({@link RuleSetFollower}).
     *
     * @return the version now served here, if it changed
     */
    synchronized Optional<RuleSetVersion> followActiveVersion() {
        RuleSetVersion stored = activeVersion();
        if (stored.version().equals(active.current().version())) {
            return Optional.empty();
        }
        active.activate(compiler.compile(versions.files(stored.id())));
        return Optional.of(stored);
    }

    private Stored store(Collection<RuleFile> files, RuleSetVersion base, String actor) {
        String hash = RuleSetCompiler.versionOf(files);
        Optional<RuleSetVersion> known = versions.findByHash(hash);
        if (known.isPresent()) {
            return new Stored(known.get(), false);
        }
        // Bad input changes nothing: files that do not compile or fail to decide are reported (422 with file, line,
        // message), not stored.
        checkRecentRecords(compiler.validate(files));
        String changes = FileChanges.between(versions.files(base.id()), files);
        Instant now = Instant.now();
        long id = transaction.execute(status -> {
            long stored = versions.insert(hash, Status.CANDIDATE, base.id(), files, actor, now);
            versions.audit(Action.UPLOAD, actor, now, base.id(), stored, changes);
            return stored;
        });
        return new Stored(version(id), true);
    }

    /**
     * A version being activated is checked again, as it may have been stored before today's records or checks existed;
     * a rollback is not: it is the way back to what served before, and must work when everything else does not.
     */
    private RuleSetVersion switchTo(RuleSetVersion target, Action action, String actor, String note) {
        RuleSet next;
        if (action == Action.ROLLBACK) {
            next = compiler.compile(versions.files(target.id()));
        } else {
            next = compiler.validate(versions.files(target.id()));
            checkRecentRecords(next);
        }
        RuleSetVersion current = activeVersion();
        String changes = FileChanges.between(versions.files(current.id()), next.files());
        Instant now = Instant.now();
        transaction.executeWithoutResult(status -> {
            versions.activate(target.id(), actor, now);
            versions.audit(action, actor, now, current.id(), target.id(), changes);
            if (note != null && !note.isBlank()) {
                versions.note(action, actor, target.id(), note.strip());
            }
        });
        active.activate(next);
        return version(target.id());
    }
}
