package io.crmflow.lead;

import java.util.List;

import io.crmflow.web.ApiProblems.FieldProblem;

/** What a CSV import did, row by row; {@code row} is the line number in the file (the header is line 1). */
public record LeadImportReport(int created, int duplicates, int repeated, int rejected, List<Row> rows) {

    public enum Outcome { CREATED, DUPLICATE, REPEATED, REJECTED }

    public record Row(long row, Outcome outcome, Long leadId, List<FieldProblem> errors) {
    }

    static LeadImportReport of(List<Row> rows) {
        return new LeadImportReport(count(rows, Outcome.CREATED), count(rows, Outcome.DUPLICATE), count(rows, Outcome.REPEATED),
                count(rows, Outcome.REJECTED), List.copyOf(rows));
    }

    private static int count(List<Row> rows, Outcome outcome) {
        return (int) rows.stream().filter(row -> row.outcome() == outcome).count();
    }
}
