package io.crmflow.customer;

import java.util.List;

import io.crmflow.web.ApiProblems.FieldProblem;

/**
 * What a CSV import of customers or contacts did, row by row, as for leads; {@code row} is the line number in the file
 * (the header is line 1), {@code id} the customer or contact created.
 */
record CustomerImportReport(int created, int rejected, List<Row> rows) {

    enum Outcome { CREATED, REJECTED }

    record Row(long row, Outcome outcome, Long id, List<FieldProblem> errors) {
    }

    static CustomerImportReport of(List<Row> rows) {
        int created = (int) rows.stream().filter(row -> row.outcome() == Outcome.CREATED).count();
        return new CustomerImportReport(created, rows.size() - created, List.copyOf(rows));
    }
}
