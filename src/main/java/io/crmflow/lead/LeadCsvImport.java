package io.crmflow.lead;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.web.ApiProblems.FieldProblem;
import io.crmflow.web.CsvUploads;
import jakarta.validation.ConstraintViolation;
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
        Map<String, String> cells = CsvUploads.filledCells(record);
        NewLead lead;
        try {
            lead = json.convertValue(cells, NewLead.class);
        } catch (IllegalArgumentException e) {
            return rejected(line, List.of(conversionProblem(e)));
        }
        Set<ConstraintViolation<NewLead>> violations = validator.validate(lead);
        if (!violations.isEmpty()) {
            return rejected(line, violations.stream()
                    .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                    .sorted((a, b) -> a.field().compareTo(b.field())).toList());
        }
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

    private static FieldProblem conversionProblem(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            return new FieldProblem(field, "invalid value: " + mapping.getOriginalMessage().split("\n")[0]);
        }
        return new FieldProblem("row", e.getMessage());
    }
}
