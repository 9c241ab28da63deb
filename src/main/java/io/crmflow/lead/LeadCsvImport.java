package io.crmflow.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.web.ApiProblems.FieldProblem;
import io.crmflow.web.CsvUploads;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Imports many leads from CSV. The whole file is parsed before anything is written, so a malformed file changes
 * nothing; after that each row is a submission of its own (same dedup, scoring and process as {@code POST /api/leads}),
 * and a bad row is reported with its line number without stopping the others.
 */
@Component
class LeadCsvImport {

    static final List<String> COLUMNS = List.of("externalId", "name", "company", "email", "phone", "source", "region",
            "industry", "productLine", "visits30d", "dwellSeconds");
    private static final Set<String> REQUIRED_COLUMNS = Set.of("name", "source", "region");
    static final int MAX_ROWS = 5_000;

    private final LeadService leads;
    private final Validator validator;
    private final ObjectMapper json;

    LeadCsvImport(LeadService leads, Validator validator, ObjectMapper json) {
        this.leads = leads;
        this.validator = validator;
        this.json = json;
    }

    LeadImportReport importCsv(String csv, String actor) {
        List<CSVRecord> records = CsvUploads.parse(csv, COLUMNS, REQUIRED_COLUMNS, MAX_ROWS);
        List<LeadImportReport.Row> rows = new ArrayList<>();
        for (CSVRecord record : records) {
            long line = record.getRecordNumber() + 1;
            rows.add(importRow(record, line, actor));
        }
        return LeadImportReport.of(rows);
    }

    private LeadImportReport.Row importRow(CSVRecord record, long line, String actor) {
        CsvUploads.Row<NewLead> row = CsvUploads.read(record, NewLead.class, json, validator);
        if (!row.valid()) {
            return rejected(line, row.problems());
        }
        NewLead lead = row.request();
        LeadSubmission submission;
        try {
            submission = leads.submit(lead, actor);
        } catch (DuplicateKeyException concurrentRetry) {
            submission = new LeadSubmission(leads.getByExternalId(lead.externalId()), LeadSubmission.Kind.REPEATED);
        }
        LeadImportReport.Outcome outcome = switch (submission.kind()) {
            case CREATED -> LeadImportReport.Outcome.CREATED;
            case DUPLICATE -> LeadImportReport.Outcome.DUPLICATE;
            case REPEATED -> LeadImportReport.Outcome.REPEATED;
        };
        return new LeadImportReport.Row(line, outcome, submission.lead().id(), List.of());
    }

    private static LeadImportReport.Row rejected(long line, List<FieldProblem> errors) {
        return new LeadImportReport.Row(line, LeadImportReport.Outcome.REJECTED, null, errors);
    }
}
