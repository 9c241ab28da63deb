package io.crmflow.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.rules.RuleFile;
import io.crmflow.rules.RuleSet;
import org.springframework.stereotype.Service;

/**
 * The business calendar of the active rule set ({@code rules/business-calendar.yaml}). It is part of the rule set so a
 * rules owner changes holidays the same way as a decision table; {@link BusinessCalendarValidator} keeps a broken
 * calendar from being activated.
 */
@Service
public class BusinessCalendars {

    public static final String FILE_NAME = "business-calendar.yaml";

    private final ActiveRuleSet rules;
    private final AtomicReference<Parsed> parsed = new AtomicReference<>();

    public BusinessCalendars(ActiveRuleSet rules) {
        this.rules = rules;
    }

    /** Business calendar of the active rule set; parsed once per rule-set version. */
    public BusinessCalendar current() {
        RuleSet ruleSet = rules.current();
        Parsed cached = parsed.get();
        if (cached != null && cached.version().equals(ruleSet.version())) {
            return cached.calendar();
        }
        RuleFile file = ruleSet.file(FILE_NAME)
                .orElseThrow(() -> new IllegalStateException("Rule set " + ruleSet.version() + " has no " + FILE_NAME));
        BusinessCalendar calendar = BusinessCalendar.parse(file.text());
        parsed.set(new Parsed(ruleSet.version(), calendar));
        return calendar;
    }

    public Instant addBusinessHours(Instant start, long hours) {
        return current().addBusinessTime(start, Duration.ofHours(hours));
    }

    private record Parsed(String version, BusinessCalendar calendar) {
    }
}
