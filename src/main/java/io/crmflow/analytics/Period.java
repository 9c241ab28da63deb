package io.crmflow.analytics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.crmflow.persistence.SqlTimes;
import io.crmflow.web.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** From the start of {@code from} to the end of {@code to} (both optional, both included), as days in the business calendar's zone. */
record Period(LocalDate from, LocalDate to, Instant start, Instant end) {

    private static final Instant EARLIEST = LocalDate.of(1900, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();
    private static final Instant LATEST = LocalDate.of(9000, 1, 1).atStartOfDay(ZoneId.of("UTC")).toInstant();

    /**
     * " and …" conditions that keep {@code column} inside the period, with parameters {@code :start} and {@code :end}
     * ({@link #bind}); none for an open end, so that an unbounded query does not test every row.
     */
    String where(String column) {
        return (from == null ? "" : " and " + column + " >= :start") + (to == null ? "" : " and " + column + " < :end") + " ";
    }

    /** The same for a column holding a day in the business calendar's zone, with parameters {@code :fromDay} and {@code :toDay}. */
    String whereDay(String column) {
        return (from == null ? "" : " and " + column + " >= :fromDay") + (to == null ? "" : " and " + column + " <= :toDay") + " ";
    }

    JdbcClient.StatementSpec bindDays(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = from == null ? statement : statement.param("fromDay", from);
        return to == null ? bound : bound.param("toDay", to);
    }

    JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
        JdbcClient.StatementSpec bound = from == null ? statement : statement.param("start", SqlTimes.timestamp(start));
        return to == null ? bound : bound.param("end", SqlTimes.timestamp(end));
    }

    static Period of(LocalDate from, LocalDate to, ZoneId zone) {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidRequestException("to", "'to' (" + to + ") is before 'from' (" + from + ")");
        }
        return new Period(from, to, from == null ? EARLIEST : from.atStartOfDay(zone).toInstant(),
                to == null ? LATEST : to.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
