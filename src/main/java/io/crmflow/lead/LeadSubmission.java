package io.crmflow.lead;

/** What became of a submitted lead: a new lead, a retry of one already received, or a duplicate of an open lead. */
public record LeadSubmission(Lead lead, Kind kind) {

    public enum Kind { CREATED, REPEATED, DUPLICATE }
}
