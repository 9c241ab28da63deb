package io.crmflow.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.DecisionReplayer;
import io.crmflow.rules.ReplayReport;
import io.crmflow.rules.ReplayReport.Difference;
import io.crmflow.rules.ReplayReport.Share;
import io.crmflow.rules.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replays the priority and SLA targets of the most recent tickets with a candidate rule set (SPEC §6), next to what
 * the active version decides for the same tickets. Reads only.
 */
@Component
class TicketDecisionReplayer implements DecisionReplayer {

    private final JdbcClient jdbc;
    private final ActiveRuleSet rules;

    TicketDecisionReplayer(JdbcClient jdbc, ActiveRuleSet rules) {
        this.jdbc = jdbc;
        this.rules = rules;
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
        List<Recorded> tickets = jdbc.sql("select t.id, c.tier, t.severity, t.rule_set_version from ticket t"
                        + " join customer c on c.id = t.customer_id order by t.id desc fetch first " + last + " rows only")
                .query((rs, row) -> new Recorded(rs.getLong(1), CustomerTier.valueOf(rs.getString(2)), Severity.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list();
        if (tickets.isEmpty()) {
            return ReplayReport.nothingRecorded(kind(), "no tickets recorded yet");
        }
        List<Difference> differences = new ArrayList<>();
        Map<Priority, int[]> shares = new TreeMap<>();
        for (Recorded ticket : tickets) {
            Decided before = Decided.by(active, ticket);
            Decided after = Decided.by(candidate, ticket);
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
        List<Share> priorityShares = shares.entrySet().stream()
                .map(priority -> new Share("priority", priority.getKey().name(), priority.getValue()[0], priority.getValue()[1])).toList();
        return new ReplayReport(kind(), tickets.size(), summary, notes, differences, priorityShares);
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
