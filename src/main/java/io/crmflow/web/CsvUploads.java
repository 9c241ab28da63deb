package io.crmflow.web;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

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
}
