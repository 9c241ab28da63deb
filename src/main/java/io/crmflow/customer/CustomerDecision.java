package io.crmflow.customer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.crmflow.rules.MatchedRule;

/** One automated decision about a customer (TIER, LIFECYCLE): what went in and out, which rows matched, which rule-set version. */
public record CustomerDecision(long id, long customerId, String kind, Map<String, Object> inputs, Map<String, Object> outputs,
                               List<MatchedRule> matchedRules, String ruleSetVersion, Instant decidedAt) {
}
