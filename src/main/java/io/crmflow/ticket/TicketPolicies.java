package io.crmflow.ticket;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import io.crmflow.calendar.BusinessCalendar;
import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.ActiveRuleSet;
import org.springframework.stereotype.Component;

/** Priority, SLA targets and calendars of tickets, from the active rule set. */
@Component
class TicketPolicies {

    private final ActiveRuleSet rules;
    private final BusinessCalendars calendars;

    TicketPolicies(ActiveRuleSet rules, BusinessCalendars calendars) {
        this.rules = rules;
        this.calendars = calendars;
    }

    /**
     * The priority and the version that decided it: the version served before the active one when the active one failed
     * ({@link ActiveRuleSet#decide}), which is what the ticket must record.
     */
    DecidedPriority priority(CustomerTier tier, Severity severity) {
        return rules.decide(TicketRules.PRIORITY_MODEL,
                ruleSet -> new DecidedPriority(TicketRules.priority(ruleSet, tier, severity), ruleSet.version()));
    }

    SlaTargets sla(Priority priority) {
        return rules.decide(TicketRules.SLA_MODEL, ruleSet -> TicketRules.sla(ruleSet, priority));
    }

    record DecidedPriority(Priority priority, String ruleSetVersion) {
    }

    /** P1 clocks never stop (24×7); the others count business hours of the business calendar. */
    BusinessCalendar calendarOf(boolean roundTheClock) {
        BusinessCalendar business = calendars.current();
        return roundTheClock ? BusinessCalendar.alwaysOpen(business.zone()) : business;
    }

    /**
     * The same time of day on the n-th working day after {@code from}: "closes after 3 business days" means the customer
     * has three whole working days to answer, whatever time of day the ticket was resolved.
     */
    Instant afterWorkingDays(Instant from, int workingDays) {
        BusinessCalendar calendar = calendars.current();
        ZonedDateTime start = from.atZone(calendar.zone());
        LocalDate day = start.toLocalDate();
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (calendar.isWorkingDay(day)) {
                counted++;
            }
        }
        return ZonedDateTime.of(day, start.toLocalTime(), calendar.zone()).toInstant();
    }
}
