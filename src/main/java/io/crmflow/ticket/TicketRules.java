package io.crmflow.ticket;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.RuleSet;

/**
 * Reads ticket priority and SLA targets from the DMN models {@code ticket-priority} and {@code ticket-sla} of a rule set.
 * Static so that the benchmark measures exactly what the application runs.
 */
public final class TicketRules {

    static final String PRIORITY_MODEL = "ticket-priority";
    static final String SLA_MODEL = "ticket-sla";

    private TicketRules() {
    }

    public static Priority priority(RuleSet rules, CustomerTier tier, Severity severity) {
        Object result = rules.evaluate(PRIORITY_MODEL, Map.of("tier", tier.name(), "severity", severity.name())).result("ticketPriority");
        if (!(result instanceof String priority)) {
            throw new DecisionFailedException("DMN model '" + PRIORITY_MODEL + "' has no row for " + severity + " × tier " + tier);
        }
        return DecisionFailedException.constant(Priority.class, priority, PRIORITY_MODEL);
    }

    public static SlaTargets sla(RuleSet rules, Priority priority) {
        Object result = rules.evaluate(SLA_MODEL, Map.of("priority", priority.name())).result("ticketSla");
        if (!(result instanceof Map<?, ?> row) || !(row.get("firstResponseHours") instanceof Number)) {
            throw new DecisionFailedException("DMN model '" + SLA_MODEL + "' has no row for " + priority + " (got " + result + ")");
        }
        return new SlaTargets(priority, hours(row.get("firstResponseHours")), hours(row.get("resolutionHours")),
                Boolean.TRUE.equals(row.get("roundTheClock")), ((Number) row.get("warningPercent")).intValue(),
                ((Number) row.get("autoCloseBusinessDays")).intValue(), ((Number) row.get("reopenWindowDays")).intValue());
    }

    /** Hours may be fractional in the table (0.5 = 30 minutes); kept to the second. */
    private static Duration hours(Object value) {
        return Duration.ofSeconds(new BigDecimal(value.toString()).multiply(BigDecimal.valueOf(3600)).longValue());
    }
}
