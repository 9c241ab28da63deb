package io.crmflow.ticket;

import java.util.Collection;
import java.util.List;

import io.crmflow.rules.RuleFile;
import io.crmflow.rules.RuleFileValidator;
import io.crmflow.rules.RuleProblem;
import org.springframework.stereotype.Component;

/** Refuses a rule set whose {@code kb-synonyms.yaml} does not parse. The file is optional: without it there are no synonyms. */
@Component
class KbSynonymsValidator implements RuleFileValidator {

    @Override
    public List<RuleProblem> validate(Collection<RuleFile> files) {
        return files.stream().filter(file -> file.name().equals(KbSynonyms.FILE_NAME)).findFirst().map(file -> {
            try {
                KbSynonyms.parse(file.text());
                return List.<RuleProblem>of();
            } catch (IllegalArgumentException e) {
                return List.of(new RuleProblem(KbSynonyms.FILE_NAME, null, e.getMessage()));
            }
        }).orElse(List.of());
    }
}
