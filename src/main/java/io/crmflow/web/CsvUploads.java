package io.crmflow.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.crmflow.web.ApiProblems.FieldProblem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** Reads an uploaded CSV file completely before anything is written, so that a malformed file is refused as a whole (400). */
public final class CsvUploads {

    private CsvUploads() {
    }

    /** A row's filled-in cells, trimmed, by column; blank cells are left out as if the column were absent. */
    public static Map<String, String> filledCells(CSVRecord record) {
        Map<String, String> cells = new LinkedHashMap<>();
        record.toMap().forEach((column, value) -> {
            if (value != null && !value.isBlank()) {
                cells.put(column, value.trim());
            }
        });
        return cells;
    }

    /** Rows of a file with a header row of known columns (a UTF-8 byte order mark is fine), at least one and at most {@code maxRows}. */
    public static List<CSVRecord> parse(String csv, Collection<String> columns, Collection<String> requiredColumns, int maxRows) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.startsWith("\uFEFF") ? csv.substring(1) : csv), format)) {
            List<String> header = parser.getHeaderNames();
            List<String> unknown = header.stream().filter(column -> !columns.contains(column)).toList();
            if (!unknown.isEmpty()) {
                throw new BadRequestException("header", "Unknown column(s) " + unknown + "; the columns are " + columns);
            }
            List<String> missing = requiredColumns.stream().filter(column -> !header.contains(column)).sorted().toList();
            if (!missing.isEmpty()) {
                throw new BadRequestException("header", "Missing required column(s) " + missing);
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() == maxRows) {
                    throw new BadRequestException("body", "More than " + maxRows + " rows; split the file");
                }
                if (!record.isConsistent()) {
                    throw new BadRequestException("line " + (record.getRecordNumber() + 1),
                            "Line " + (record.getRecordNumber() + 1) + " has " + record.size() + " cells, the header has " + header.size());
                }
                records.add(record);
            }
            if (records.isEmpty()) {
                throw new BadRequestException("body", "The file has a header but no rows");
            }
            return records;
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException | IOException e) {
            if (e instanceof BadRequestException bad) {
                throw bad;
            }
            throw new BadRequestException("body", "Malformed CSV: " + e.getMessage());
        }
    }

    /** A row read into the request type of its endpoint: the request, or what is wrong with its cells. */
    public record Row<T>(T request, List<FieldProblem> problems) {

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    /** Reads a row's filled cells as {@code type} would be read from JSON, then checks it as the endpoint does. */
    public static <T> Row<T> read(CSVRecord record, Class<T> type, ObjectMapper json, Validator validator) {
        T request;
        try {
            request = json.convertValue(filledCells(record), type);
        } catch (IllegalArgumentException e) {
            return new Row<>(null, List.of(conversionProblem(e)));
        }
        Set<ConstraintViolation<T>> violations = validator.validate(request);
        return new Row<>(request, violations.stream()
                .map(violation -> new FieldProblem(violation.getPropertyPath().toString(), violation.getMessage()))
                .sorted((a, b) -> a.field().compareTo(b.field())).toList());
    }

    private static FieldProblem conversionProblem(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().get(0).getFieldName();
            return new FieldProblem(field, "invalid value: " + mapping.getOriginalMessage().split("\n")[0]);
        }
        return new FieldProblem("row", e.getMessage());
    }

    /** The answer to an import: the report, or, when no row could be imported, a 422 problem carrying the row-by-row report. */
    public static ResponseEntity<?> answer(Object report, int created, int rejected, List<?> rows) {
        if (rejected < rows.size()) {
            return ResponseEntity.ok(report);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "None of the " + rows.size() + " rows could be imported; see rows for each row's errors");
        problem.setTitle("Nothing imported");
        problem.setProperty("created", created);
        problem.setProperty("rejected", rejected);
        problem.setProperty("rows", rows);
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
