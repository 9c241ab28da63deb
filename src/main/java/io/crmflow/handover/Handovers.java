package io.crmflow.handover;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.crmflow.audit.AuditTrail;
import io.crmflow.audit.FieldChange;
import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import io.crmflow.team.StandIns;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.InvalidRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A leaving rep's whole book (docs/product.md §14): the preview of every open record and task with a proposed successor, and
 * the one transaction that moves records, tasks (assignee and candidates) and the process variables that name the rep.
 */
@Service
public class Handovers {

    /** The process variable that names a record's owner in every crmflow process; the handover looks for instances by it. */
    static final String OWNER_VARIABLE = "owner";

    private final List<OwnedRecords> books;
    private final SuccessorRules rules;
    private final SalesTeam team;
    private final StandIns standIns;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IdentityService identity;
    private final Notifications notifications;
    private final AuditTrail audit;

    Handovers(List<OwnedRecords> books, SuccessorRules rules, SalesTeam team, StandIns standIns, RuntimeService runtime, TaskService tasks,
              IdentityService identity, Notifications notifications, AuditTrail audit) {
        this.books = books;
        this.rules = rules;
        this.team = team;
        this.standIns = standIns;
        this.runtime = runtime;
        this.tasks = tasks;
        this.identity = identity;
        this.notifications = notifications;
        this.audit = audit;
    }

    /** Only the manager of one of the rep's regions, or an administrator, hands a rep's book over. */
    SalesRep requireManagerOf(String rep, CurrentUser user) {
        SalesRep leaving = team.allReps().stream().filter(r -> r.userId().equals(rep)).findFirst()
                .orElseThrow(() -> new InvalidRequestException("rep", "'" + rep + "' is not a sales rep"));
        if (!user.isAdmin() && leaving.regions().stream().noneMatch(team.regionsManagedBy(user)::contains)) {
            throw new ForbiddenException("Only the manager of one of " + rep + "'s regions or an administrator may hand over " + rep + "'s book");
        }
        return leaving;
    }

    /** Every open record and open task of the rep, each with the successor the assignment rules propose. */
    @Transactional(readOnly = true)
    public HandoverPreview preview(String rep) {
        Map<String, Optional<SuccessorRules.ProposedSuccessor>> byProfile = new HashMap<>();
        Set<String> away = standIns.absentToday();
        Set<String> excluded = new HashSet<>(away);
        excluded.add(rep);
        Map<String, HandoverPreview.Row> rows = new LinkedHashMap<>();
        for (OpenRecord record : records(rep).keySet()) {
            Optional<SuccessorRules.ProposedSuccessor> proposed = byProfile.computeIfAbsent(
                    record.region() + "/" + record.productLine() + "/" + record.industry(),
                    profile -> rules.propose(record.region(), record.productLine(), record.industry(), excluded));
            rows.put(record.key(), HandoverPreview.Row.of(record, proposed.orElse(null)));
        }
        // A record that moves with another goes where that one goes.
        rows.replaceAll((key, row) -> row.follows() != null && rows.containsKey(row.follows())
                ? row.withSuccessor(rows.get(row.follows()).proposedSuccessor()) : row);
        Set<String> covered = rows.values().stream().flatMap(row -> row.processInstanceIds().stream()).collect(Collectors.toSet());
        List<HandoverPreview.OpenTask> openTasks = openTasksOf(rep).stream().filter(task -> !covered.contains(task.getProcessInstanceId()))
                .map(task -> new HandoverPreview.OpenTask(task.getId(), task.getName(), task.getProcessInstanceId())).toList();
        return new HandoverPreview(rep, List.copyOf(rows.values()), openTasks);
    }

    /**
     * Moves the whole book in the caller's transaction. Each record goes to the successor named for it in {@code chosen}
     * (by key, e.g. {@code lead:42}; a task by {@code task:<id>}), else the one it moves with, else the proposed one, else
     * {@code fallback}; a record left without a successor, or a successor who is not an active rep, is refused with 422
     * before anything moves. The rep's profile is made inactive, so assignment passes them by from now on. Returns what each
     * successor received.
     */
    @Transactional
    public Map<String, List<String>> confirm(String rep, Map<String, String> chosen, String fallback, String actor) {
        HandoverPreview preview = preview(rep);
        Map<String, String> successorOf = new LinkedHashMap<>();
        for (HandoverPreview.Row row : preview.records()) {
            successorOf.put(row.key(), resolve(row, preview, chosen, fallback));
        }
        Map<String, String> successorOfInstance = new HashMap<>();
        preview.records().forEach(row -> row.processInstanceIds().forEach(instance -> successorOfInstance.put(instance, successorOf.get(row.key()))));
        for (HandoverPreview.OpenTask task : preview.tasks()) {
            successorOf.put("task:" + task.taskId(), chosen.getOrDefault("task:" + task.taskId(), fallback));
        }
        Set<String> instancesNamingRep = runtime.createProcessInstanceQuery().variableValueEquals(OWNER_VARIABLE, rep).list().stream()
                .map(instance -> instance.getId()).collect(Collectors.toCollection(HashSet::new));
        instancesNamingRep.addAll(successorOfInstance.keySet());
        List<String> missing = new ArrayList<>();
        successorOf.forEach((key, successor) -> {
            if (successor == null) {
                missing.add(key);
            }
        });
        for (String instance : instancesNamingRep) {
            if (successorOfInstance.get(instance) == null && fallback == null) {
                missing.add("process instance " + instance);
            }
            successorOfInstance.putIfAbsent(instance, fallback);
        }
        if (!missing.isEmpty()) {
            throw new InvalidRequestException("successors", String.join(", ", missing) + ": no successor; name one for each, or a default successor");
        }
        requireActiveReps(rep, new HashSet<>(successorOf.values()));
        requireActiveReps(rep, new HashSet<>(successorOfInstance.values()));

        Map<OwnedRecords, List<OpenRecord>> byBook = new LinkedHashMap<>();
        records(rep).forEach((record, book) -> byBook.computeIfAbsent(book, b -> new ArrayList<>()).add(record));
        byBook.forEach((book, owned) -> book.handOver(rep, owned.stream()
                .collect(Collectors.toMap(OpenRecord::id, record -> successorOf.get(record.key()))), actor));
        for (Task task : openTasksOf(rep)) {
            String successor = successorOfInstance.getOrDefault(task.getProcessInstanceId(), successorOf.get("task:" + task.getId()));
            moveTask(task, rep, successor, actor);
        }
        instancesNamingRep.forEach(instance -> runtime.getVariables(instance).forEach((name, value) -> {
            if (rep.equals(value)) {
                runtime.setVariable(instance, name, successorOfInstance.get(instance));
            }
        }));
        // A rep who handed over their book is leaving: assignment must not give them new leads the next minute.
        team.rep(rep).ifPresent(profile -> team.saveRep(new SalesRep(profile.userId(), profile.regions(), profile.productLines(),
                profile.industries(), profile.capacity(), false), actor));
        Map<String, List<String>> received = new TreeMap<>();
        successorOf.forEach((key, successor) -> received.computeIfAbsent(successor, s -> new ArrayList<>()).add(key));
        received.forEach((successor, keys) -> tellSuccessor(rep, successor, keys, preview));
        return received;
    }

    private Map<OpenRecord, OwnedRecords> records(String rep) {
        Map<OpenRecord, OwnedRecords> records = new LinkedHashMap<>();
        books.forEach(book -> book.openRecordsOf(rep).forEach(record -> records.put(record, book)));
        return records;
    }

    private String resolve(HandoverPreview.Row row, HandoverPreview preview, Map<String, String> chosen, String fallback) {
        String named = chosen.get(row.key());
        if (named != null) {
            return named;
        }
        if (row.follows() != null && chosen.containsKey(row.follows())) {
            return chosen.get(row.follows());
        }
        return row.proposedSuccessor() != null ? row.proposedSuccessor() : fallback;
    }

    private void requireActiveReps(String rep, Set<String> successors) {
        for (String successor : successors) {
            if (successor.equals(rep)) {
                throw new InvalidRequestException("successors", rep + " cannot be their own successor");
            }
            if (team.rep(successor).isEmpty()) {
                throw new InvalidRequestException("successors", "'" + successor + "' is not an active sales rep");
            }
        }
    }

    private List<Task> openTasksOf(String rep) {
        Map<String, Task> open = new LinkedHashMap<>();
        tasks.createTaskQuery().taskAssignee(rep).list().forEach(task -> open.put(task.getId(), task));
        tasks.createTaskQuery().taskCandidateUser(rep).includeAssignedTasks().list().stream()
                .filter(task -> tasks.getIdentityLinksForTask(task.getId()).stream()
                        .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && rep.equals(link.getUserId())))
                .forEach(task -> open.put(task.getId(), task));
        return List.copyOf(open.values());
    }

    private void moveTask(Task task, String rep, String successor, String actor) {
        if (rep.equals(task.getAssignee())) {
            tasks.setAssignee(task.getId(), successor);
        }
        boolean candidate = tasks.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && rep.equals(link.getUserId()));
        if (candidate) {
            tasks.deleteCandidateUser(task.getId(), rep);
            tasks.addCandidateUser(task.getId(), successor);
        }
        audit.record(actor, OwnedRecords.REASON, List.of(FieldChange.of("task", task.getId(), "assignee", rep, successor)));
    }

    /** One summary per successor, by email (if they have an address) and IM, listing what they received. */
    private void tellSuccessor(String rep, String successor, List<String> keys, HandoverPreview preview) {
        Map<String, String> labels = preview.records().stream().collect(Collectors.toMap(HandoverPreview.Row::key, HandoverPreview.Row::label));
        String subject = "交接给你 Handed over to you from " + rep + ": " + keys.size();
        String body = HandoverPreview.lines(keys.stream().map(key -> key + " " + labels.getOrDefault(key, "")).toList(), "Tasklist / My tasks");
        String reference = "handover:" + rep;
        String idempotency = reference + ":" + keys.hashCode() + ":" + successor;
        User user = identity.createUserQuery().userId(successor).singleResult();
        if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
            notifications.send(new Notification(Channel.EMAIL, user.getEmail(), subject, body, reference, idempotency + ":email"));
        }
        notifications.send(new Notification(Channel.IM, successor, subject, body, reference, idempotency + ":im"));
    }
}
