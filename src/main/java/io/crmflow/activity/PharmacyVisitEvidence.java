package io.crmflow.activity;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.rules.DecisionFailedException;
import io.crmflow.rules.RuleSet;

/**
 * What a step of the pharmacy visit needs before it may be completed, from {@code rules/pharmacy-visit-evidence.dmn}
 * (docs/product.md §13): an activity of one of {@code activityKinds} recorded since the step opened, carrying an
 * attachment of kind {@code attachment}; {@code evidence} says so in the rep's words.
 */
record PharmacyVisitEvidence(String step, Set<ActivityKind> activityKinds, Attachment attachment, String evidence) {

    static final String MODEL = "pharmacy-visit-evidence";

    /** The attachment a step's evidence carries, judged by the type found in the file's content at upload. */
    enum Attachment {
        /** The activity alone is the evidence. */
        NONE(null),
        /** A photo. */
        IMAGE("t.content_type like 'image/%'"),
        /** A photo, a PDF or an Office document: every type an attachment may have. */
        ANY("1 = 1");

        /** The SQL condition on the attachment's row {@code t}; null when no attachment is needed. */
        final String condition;

        Attachment(String condition) {
            this.condition = condition;
        }
    }

    /** Decides the step's evidence with {@code ruleSet}; a missing or malformed row fails the decision. */
    static PharmacyVisitEvidence decide(RuleSet ruleSet, String step) {
        Object result = ruleSet.evaluate(MODEL, Map.of("step", step)).result("pharmacyVisitEvidence");
        if (!(result instanceof Map<?, ?> row) || !(row.get("activityKinds") instanceof String kinds) || kinds.isBlank()
                || !(row.get("evidence") instanceof String evidence) || evidence.isBlank()) {
            throw new DecisionFailedException("DMN model '" + MODEL + "' has no complete row for step " + step + " (got " + result + ")");
        }
        Set<ActivityKind> activityKinds = Arrays.stream(kinds.trim().split("\\s+"))
                .map(kind -> DecisionFailedException.constant(ActivityKind.class, kind, MODEL)).collect(Collectors.toUnmodifiableSet());
        return new PharmacyVisitEvidence(step, activityKinds, DecisionFailedException.constant(Attachment.class, row.get("attachment"), MODEL), evidence);
    }
}
