package io.crmflow.rules;

import java.util.List;

/**
 * What a candidate rule set would have decided differently for recorded decisions.
 *
 * @param replayed    how many records (leads, tickets, ...) were decided again
 * @param summary     the changes in a sentence each, e.g. "37 of 1000 assignments would change owner"
 * @param notes       how the replay differs from the original decisions (e.g. inputs that were not recorded)
 * @param differences every changed field of every record, newest record first
 * @param shares      how the replayed records spread over the values of a field (e.g. grade) before and after
 * @param failures    records the candidate could not decide at all; a candidate with any cannot be activated
 */
public record ReplayReport(String kind, int replayed, List<String> summary, List<String> notes, List<Difference> differences,
                           List<Share> shares, List<Failure> failures) {

    /** A report of a replay in which the candidate decided every record. */
    public ReplayReport(String kind, int replayed, List<String> summary, List<String> notes, List<Difference> differences,
                        List<Share> shares) {
        this(kind, replayed, summary, notes, differences, shares, List.of());
    }

    /** A report of a replay that found no recorded decisions to decide again. */
    public static ReplayReport nothingRecorded(String kind, String why) {
        return new ReplayReport(kind, 0, List.of(why), List.of(), List.of(), List.of());
    }

    /** How many records had {@code value} in {@code field} with the active version (before) and the candidate (after). */
    public record Share(String field, String value, int before, int after) {
    }

    /**
     * @param record   id of the record decided about (e.g. the lead id)
     * @param decision which decision of the record (e.g. SCORE, ASSIGNMENT)
     */
    public record Difference(String record, String decision, String field, Object oldValue, Object newValue) {
    }

    /** The candidate failed to decide {@code decision} of {@code record}, with the rules' own message. */
    public record Failure(String record, String decision, String message) {
    }
}
