package io.crmflow.rules;

/**
 * A rule that fired for a decision: a DMN table row ({@code table} = decision name, {@code rule} = 1-based row)
 * or a DRL rule ({@code table} = DRL package, {@code rule} = rule name).
 */
public record MatchedRule(String table, String rule) {
}
