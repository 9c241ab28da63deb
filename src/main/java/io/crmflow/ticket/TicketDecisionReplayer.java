package io.crmflow.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.crmflow.customer.CustomerCard;
import io.crmflow.customer.CustomerService;
import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.DecisionReplayer;
import io.crmflow.rules.ReplayReport;
import io.crmflow.rules.ReplayReport.Difference;
import io.crmflow.rules.ReplayReport.Failure;
import io.crmflow.rules.ReplayReport.Share;
import io.crmflow.rules.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays the priority and SLA targets of the most recent tickets with a candidate rule set (docs/product.md §6), next to what
 * the active version decides for the same tickets. Reads only.
 */
@Component
class TicketDecisionReplayer implements DecisionReplayer {

    private final JdbcClient jdbc;
    private final ActiveRuleSet rules;
    private final CustomerService customers;

    TicketDecisionReplayer(JdbcClient jdbc, ActiveRuleSet rules, CustomerService customers) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.customers = customers;
    }

    private record Recorded(long ticketId, CustomerTier tier, Severity severity, String ruleSetVersion) {
    }

    private record Decided(Priority priority, String firstResponse, String resolution) {

        static Decided by(RuleSet ruleSet, Recorded ticket) {
            Priority priority = TicketRules.priority(ruleSet, ticket.tier(), ticket.severity());
            SlaTargets targets = TicketRules.sla(ruleSet, priority);
            String calendar = targets.roundTheClock() ? " (24×7)" : " (business hours)";
            return new Decided(priority, targets.firstResponse() + calendar, targets.resolution() + calendar);
        }
    }

    @Override
    public String kind() {
        return "ticket";
    }

    @Override
    @Transactional(readOnly = true)
    public ReplayReport replay(RuleSet candidate, int last) {
        RuleSet active = rules.current();
        record Stored(long ticketId, long customerId, Severity severity, String ruleSetVersion) {
        }
        List<Stored> stored = jdbc.sql("select id, customer_id, severity, rule_set_version from ticket order by id desc fetch first "
                        + last + " rows only")
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getLong(2), Severity.valueOf(rs.getString(3)), rs.getString(4)))
                .list();
        Map<Long, CustomerCard> customerCards = customers.cards(stored.stream().map(Stored::customerId).distinct().toList());
        List<Recorded> tickets = stored.stream()
                .map(ticket -> new Recorded(ticket.ticketId(), customerCards.get(ticket.customerId()).tier(), ticket.severity(),
                        ticket.ruleSetVersion()))
                .toList();
        if (tickets.isEmpty()) {
            return ReplayReport.nothingRecorded(kind(), "no tickets recorded yet");
        }
        List<Difference> differences = new ArrayList<>();
        List<Failure> failures = new ArrayList<>();
        Map<Priority, int[]> shares = new TreeMap<>();
        for (Recorded ticket : tickets) {
            Decided before = Decided.by(active, ticket);
            Decided after;
            try {
                after = Decided.by(candidate, ticket);
            } catch (DecisionFailedException failed) {
                failures.add(new Failure(String.valueOf(ticket.ticketId()), "PRIORITY_SLA", failed.getMessage()));
                continue;
            }
            compare(ticket, "priority", before.priority(), after.priority(), differences);
            compare(ticket, "firstResponseTarget", before.firstResponse(), after.firstResponse(), differences);
            compare(ticket, "resolutionTarget", before.resolution(), after.resolution(), differences);
            shares.computeIfAbsent(before.priority(), priority -> new int[2])[0]++;
            shares.computeIfAbsent(after.priority(), priority -> new int[2])[1]++;
        }
        List<String> summary = new ArrayList<>();
        summary.add(changed(differences, "priority") + " of " + tickets.size() + " tickets would change priority, "
                + changed(differences, "firstResponseTarget") + " first-response target, "
                + changed(differences, "resolutionTarget") + " resolution target");
        shares.forEach((priority, count) -> {
            if (count[0] != count[1]) {
                summary.add(priority + " share " + percent(count[0], tickets.size()) + " → " + percent(count[1], tickets.size()));
            }
        });
        List<String> notes = List.of("old = the active version " + active.version() + ", new = the candidate " + candidate.version(),
                "tiers are the customers' tiers today; due times already running are not moved by an activation");
        if (!failures.isEmpty()) {
            summary.add(0, failures.size() + " of " + tickets.size() + " tickets cannot be decided with the candidate");
        }
        List<Share> priorityShares = shares.entrySet().stream()
                .map(priority -> new Share("priority", priority.getKey().name(), priority.getValue()[0], priority.getValue()[1])).toList();
        return new ReplayReport(kind(), tickets.size(), summary, notes, differences, priorityShares, failures);
    }

    private static void compare(Recorded ticket, String field, Object before, Object after, List<Difference> differences) {
        if (!Objects.equals(before, after)) {
            differences.add(new Difference(String.valueOf(ticket.ticketId()), "PRIORITY_SLA", field, before, after));
        }
    }

    private static long changed(List<Difference> differences, String field) {
        return differences.stream().filter(difference -> difference.field().equals(field)).count();
    }

    private static String percent(int count, int total) {
        return Math.round(100.0 * count / total) + " %";
    }
}
