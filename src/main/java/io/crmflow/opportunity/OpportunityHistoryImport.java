package io.crmflow.opportunity;

import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.crmflow.calendar.BusinessCalendars;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ApiProblems.FieldProblem;
import io.crmflow.web.CsvUploads;
import io.crmflow.web.ForbiddenException;
import org.apache.commons.csv.CSVRecord;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports opportunities from another CRM, with the date each stage was entered. The whole file is checked before
 * anything is written and imported in one transaction: a file with a bad row changes nothing, and importing the same
 * file again skips the externalIds it brought in before.
 */
@Component
class OpportunityHistoryImport {

    /** Stage columns in funnel order; WON is entered on the closed date. */
    private static final Map<String, OpportunityStage> STAGE_COLUMNS = Map.of("initialContact", OpportunityStage.INITIAL_CONTACT,
            "needsConfirmed", OpportunityStage.NEEDS_CONFIRMED, "proposal", OpportunityStage.PROPOSAL, "negotiation", OpportunityStage.NEGOTIATION);
    static final List<String> COLUMNS = List.of("externalId", "name", "company", "owner", "region", "productLine", "amount",
            "expectedCloseDate", "initialContact", "needsConfirmed", "proposal", "negotiation", "closedDate", "outcome", "lossReason");
    private static final List<String> REQUIRED_COLUMNS = List.of("externalId", "name", "owner", "region", "initialContact");
    private static final List<OpportunityStage> FUNNEL = List.of(OpportunityStage.INITIAL_CONTACT, OpportunityStage.NEEDS_CONFIRMED,
            OpportunityStage.PROPOSAL, OpportunityStage.NEGOTIATION);
    private static final Pattern USER_ID = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9._@-]{0,63}");
    static final int MAX_ROWS = 20_000;

    private final OpportunityRepository opportunities;
    private final OpportunityService service;
    private final StagePolicies policies;
    private final SalesTeam team;
    private final BusinessCalendars calendars;
    private final ApplicationEventPublisher events;

    OpportunityHistoryImport(OpportunityRepository opportunities, OpportunityService service, StagePolicies policies, SalesTeam team,
                             BusinessCalendars calendars, ApplicationEventPublisher events) {
        this.opportunities = opportunities;
        this.service = service;
        this.policies = policies;
        this.team = team;
        this.calendars = calendars;
        this.events = events;
    }

    /** An opportunity as the other CRM knew it; {@code entered} in funnel order, {@code outcome} null while open. */
    record Imported(long line, String externalId, String name, String company, String owner, Region region, String productLine,
                    BigDecimal amount, LocalDate expectedCloseDate, Map<OpportunityStage, Instant> entered, Instant closedAt,
                    OpportunityStage outcome, LossReason lossReason) {

        OpportunityStage current() {
            return outcome != null ? outcome : entered.keySet().stream().reduce((first, second) -> second).orElseThrow();
        }
    }

    /** Row problems of a file that was refused as a whole. */
    static class RowsRefused extends RuntimeException {

        final transient List<LineProblem> problems;

        RowsRefused(List<LineProblem> problems) {
            super(problems.size() + " row problem(s); nothing was imported");
            this.problems = problems;
        }
    }

    record LineProblem(long line, String field, String message) {
    }

    @Transactional
    HistoryImportReport importCsv(String csv, OpportunityAccess.Viewer viewer) {
        if (!viewer.admin() && viewer.managedRegions().isEmpty()) {
            throw new ForbiddenException("History is imported by sales managers (for their regions) and administrators");
        }
        ZoneId zone = calendars.current().zone();
        Set<String> activeReps = new HashSet<>();
        team.activeReps().forEach(rep -> rep.regions().forEach(region -> activeReps.add(rep.userId() + "@" + region.name())));
        List<Imported> rows = new ArrayList<>();
        List<LineProblem> problems = new ArrayList<>();
        Set<String> externalIds = new HashSet<>();
        for (CSVRecord record : CsvUploads.parse(csv, COLUMNS, REQUIRED_COLUMNS, MAX_ROWS)) {
            long line = record.getRecordNumber() + 1;
            List<FieldProblem> rowProblems = new ArrayList<>();
            Imported row = read(record, line, zone, rowProblems);
            if (row != null && !externalIds.add(row.externalId())) {
                rowProblems.add(new FieldProblem("externalId", "'" + row.externalId() + "' is on an earlier line of this file too"));
            }
            if (row != null && !viewer.manages(row.region().name())) {
                rowProblems.add(new FieldProblem("region", "you do not manage region " + row.region()));
            }
            if (row != null && row.outcome() == null && !activeReps.contains(row.owner() + "@" + row.region().name())) {
                rowProblems.add(new FieldProblem("owner", "an open opportunity needs an active sales rep of region " + row.region()
                        + "; '" + row.owner() + "' is not one"));
            }
            rowProblems.forEach(problem -> problems.add(new LineProblem(line, problem.field(), problem.message())));
            if (rowProblems.isEmpty()) {
                rows.add(row);
            }
        }
        if (!problems.isEmpty()) {
            throw new RowsRefused(problems);
        }
        return write(rows, viewer.userId());
    }

    private HistoryImportReport write(List<Imported> rows, String actor) {
        Instant now = now();
        List<HistoryImportReport.Row> report = new ArrayList<>();
        int closed = 0;
        int opened = 0;
        for (Imported row : rows) {
            Long existing = opportunities.idOfExternal(row.externalId());
            if (existing != null) {
                report.add(new HistoryImportReport.Row(row.line(), row.externalId(), existing, HistoryImportReport.Outcome.SKIPPED, null));
                continue;
            }
            long id = opportunities.insertImported(row, policies.of(row.current()).winProbability(), now);
            opportunities.recordEvent(id, "IMPORTED", "from " + row.externalId() + " by " + actor + ", " + row.current(), actor, now);
            if (row.outcome() == null) {
                service.startProcess(id, row.owner());
                opened++;
            } else {
                closed++;
            }
            if (row.company() != null) {
                events.publishEvent(new OpportunityEntered(id, row.company(), actor));
            }
            report.add(new HistoryImportReport.Row(row.line(), row.externalId(), id, row.outcome() == null
                    ? HistoryImportReport.Outcome.OPENED : HistoryImportReport.Outcome.CLOSED, row.current().name()));
        }
        return new HistoryImportReport(closed, opened, rows.size() - closed - opened, report);
    }

    private static Imported read(CSVRecord record, long line, ZoneId zone, List<FieldProblem> problems) {
        Map<String, String> cells = CsvUploads.filledCells(record);
        String externalId = text(cells, "externalId", 64, true, problems);
        String name = text(cells, "name", 200, true, problems);
        String company = text(cells, "company", 200, false, problems);
        String owner = text(cells, "owner", 64, true, problems);
        if (owner != null && !USER_ID.matcher(owner).matches()) {
            problems.add(new FieldProblem("owner", "not a user id"));
        }
        Region region = enumValue(cells, "region", Region.class, problems);
        String productLine = text(cells, "productLine", 20, false, problems);
        BigDecimal amount = amount(cells, problems);
        LocalDate expectedClose = cells.containsKey("expectedCloseDate") ? date(cells, "expectedCloseDate", problems) : null;
        Map<OpportunityStage, Instant> entered = new EnumMap<>(OpportunityStage.class);
        Instant previous = null;
        boolean gap = false;
        for (OpportunityStage stage : FUNNEL) {
            String column = column(stage);
            if (!cells.containsKey(column)) {
                gap = true;
                continue;
            }
            Instant at = instant(cells, column, zone, problems);
            if (at == null) {
                continue;
            }
            if (gap) {
                problems.add(new FieldProblem(column, "a stage date needs the dates of the stages before it"));
            } else if (previous != null && at.isBefore(previous)) {
                problems.add(new FieldProblem(column, "entered before the stage before it"));
            }
            entered.put(stage, at);
            previous = at;
        }
        OpportunityStage outcome = null;
        if (cells.containsKey("outcome")) {
            outcome = enumValue(cells, "outcome", OpportunityStage.class, problems);
            if (outcome != null && !outcome.isClosed()) {
                problems.add(new FieldProblem("outcome", "WON, LOST or empty for an open opportunity"));
                outcome = null;
            }
        }
        Instant closedAt = cells.containsKey("closedDate") ? instant(cells, "closedDate", zone, problems) : null;
        LossReason lossReason = cells.containsKey("lossReason") ? enumValue(cells, "lossReason", LossReason.class, problems) : null;
        if (outcome == null && (closedAt != null || lossReason != null)) {
            problems.add(new FieldProblem("outcome", "a closed date or loss reason needs the outcome WON or LOST"));
        }
        if (outcome != null && closedAt == null && !problems.stream().anyMatch(p -> p.field().equals("closedDate"))) {
            problems.add(new FieldProblem("closedDate", "required for " + outcome));
        }
        if (outcome == OpportunityStage.LOST && lossReason == null && !cells.containsKey("lossReason")) {
            problems.add(new FieldProblem("lossReason", "required for LOST"));
        }
        if (outcome == OpportunityStage.WON && !entered.containsKey(OpportunityStage.NEGOTIATION)) {
            problems.add(new FieldProblem("negotiation", "a WON opportunity went through every stage; its NEGOTIATION date is missing"));
        }
        if (closedAt != null && previous != null && closedAt.isBefore(previous)) {
            problems.add(new FieldProblem("closedDate", "before the last stage was entered"));
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Imported(line, externalId, name, company, owner, region, productLine, amount, expectedClose, entered, closedAt, outcome,
                lossReason);
    }

    private static String column(OpportunityStage stage) {
        return STAGE_COLUMNS.entrySet().stream().filter(entry -> entry.getValue() == stage).findFirst().orElseThrow().getKey();
    }

    private static String text(Map<String, String> cells, String column, int maxLength, boolean required, List<FieldProblem> problems) {
        String value = cells.get(column);
        if (value == null && required) {
            problems.add(new FieldProblem(column, "required"));
        } else if (value != null && value.length() > maxLength) {
            problems.add(new FieldProblem(column, "longer than " + maxLength + " characters"));
            return null;
        }
        return value;
    }

    private static <E extends Enum<E>> E enumValue(Map<String, String> cells, String column, Class<E> type, List<FieldProblem> problems) {
        String value = cells.get(column);
        if (value == null) {
            problems.add(new FieldProblem(column, "required"));
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException unknown) {
            problems.add(new FieldProblem(column, "'" + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "' is not one of "
                    + java.util.Arrays.toString(type.getEnumConstants())));
            return null;
        }
    }

    private static BigDecimal amount(Map<String, String> cells, List<FieldProblem> problems) {
        String value = cells.get("amount");
        if (value == null) {
            return null;
        }
        try {
            BigDecimal amount = new BigDecimal(value);
            if (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 13) {
                problems.add(new FieldProblem("amount", "a CNY amount of at least 0 with at most 2 decimals and 13 digits"));
                return null;
            }
            return amount;
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldProblem("amount", "not a number"));
            return null;
        }
    }

    private static LocalDate date(Map<String, String> cells, String column, List<FieldProblem> problems) {
        try {
            return LocalDate.parse(cells.get(column));
        } catch (DateTimeParseException bad) {
            problems.add(new FieldProblem(column, "not a date (yyyy-MM-dd)"));
            return null;
        }
    }

    /** A date is the start of that day in the business calendar's zone; a date-time needs its offset. */
    private static Instant instant(Map<String, String> cells, String column, ZoneId zone, List<FieldProblem> problems) {
        String value = cells.get(column);
        try {
            return value.length() <= 10 ? LocalDate.parse(value).atStartOfDay(zone).toInstant() : OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException bad) {
            problems.add(new FieldProblem(column, "not a date (yyyy-MM-dd) or date-time with offset (2026-03-01T10:00:00+08:00)"));
            return null;
        }
    }
}
