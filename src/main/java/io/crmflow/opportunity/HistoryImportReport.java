package io.crmflow.opportunity;

import java.util.List;

/**
 * What {@code POST /api/import/opportunities} did: closed opportunities became history, open ones continue in their
 * process at their current stage, and rows whose externalId was imported before were left as they are.
 */
public record HistoryImportReport(int closed, int opened, int skipped, List<Row> rows) {

    public record Row(long line, String externalId, Long opportunityId, Outcome outcome, String stage) {
    }

    public enum Outcome {
        /** WON or LOST: history for analytics. */
        CLOSED,
        /** Still open: its process started at the current stage. */
        OPENED,
        /** An earlier import brought this externalId in already. */
        SKIPPED
    }
}
