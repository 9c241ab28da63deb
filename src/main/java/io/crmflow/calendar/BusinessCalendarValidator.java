package io.crmflow.calendar;

import java.util.Collection;
import java.util.List;

import io.crmflow.rules.RuleFile;
import io.crmflow.rules.RuleFileValidator;
import io.crmflow.rules.RuleProblem;
import org.springframework.stereotype.Component;

/** Refuses a rule set whose {@code business-calendar.yaml} is missing or does not parse. */
@Component
class BusinessCalendarValidator implements RuleFileValidator {

    @Override
    public List<RuleProblem> validate(Collection<RuleFile> files) {
        RuleFile calendar = files.stream().filter(file -> file.name().equals(BusinessCalendars.FILE_NAME)).findFirst().orElse(null);
        if (calendar == null) {
            return List.of(new RuleProblem(BusinessCalendars.FILE_NAME, null, "missing: every rule set needs a business calendar"));
        }
        try {
            BusinessCalendar.parse(calendar.text());
            return List.of();
        } catch (CalendarDefinitionException e) {
            return List.of(new RuleProblem(BusinessCalendars.FILE_NAME, e.line() > 0 ? e.line() : null, e.getMessage()));
        }
    }
}
