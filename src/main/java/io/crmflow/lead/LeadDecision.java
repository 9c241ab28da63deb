package io.crmflow.lead;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.crmflow.rules.MatchedRule;

/** One automated decision about a lead: kind (SCORE, ASSIGNMENT), what went in and out, what fired, which version. */
public record LeadDecision(long id, long leadId, String kind, Map<String, Object> inputs, Map<String, Object> outputs,
                           List<MatchedRule> matchedRules, String ruleSetVersion, Instant decidedAt) {
}
