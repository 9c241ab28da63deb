package io.crmflow.analytics;

import static io.crmflow.analytics.AnalyticsNumbers.percent;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.persistence.SqlTimes;
import io.crmflow.ticket.ClockKind;
import io.crmflow.ticket.ClockState;
import io.crmflow.ticket.Priority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** SLA compliance of the service tickets per priority, one SQL aggregate over tickets and their two SLA clocks. */
@Service
@Transactional(readOnly = true)
class ServiceAnalytics {

    private final JdbcClient jdbc;

    ServiceAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per priority (all four, empty ones included), the tickets opened in the period and how their clocks ended. A met %
     * is over the clocks that ended, met or breached: a clock still running has not failed yet.
     */
    List<SlaRow> sla(Period period) {
        Map<String, SlaRow> rows = jdbc.sql("""
                        select t.priority, count(*) as tickets,
                               sum(case when f.state = :met then 1 else 0 end) as first_response_met,
                               sum(case when f.state = :breached then 1 else 0 end) as first_response_breached,
                               sum(case when r.state = :met then 1 else 0 end) as resolution_met,
                               sum(case when r.state = :breached then 1 else 0 end) as resolution_breached,
                               sum(case when t.breached then 1 else 0 end) as breached_tickets
                        from ticket t
                        left join ticket_sla_clock f on f.ticket_id = t.id and f.clock = :firstResponse
                        left join ticket_sla_clock r on r.ticket_id = t.id and r.clock = :resolution
                        where t.created_at >= :start and t.created_at < :end
                        group by t.priority""")
                .param("met", ClockState.MET.name())
                .param("breached", ClockState.BREACHED.name())
                .param("firstResponse", ClockKind.FIRST_RESPONSE.name())
                .param("resolution", ClockKind.RESOLUTION.name())
                .param("start", SqlTimes.timestamp(period.start()))
                .param("end", SqlTimes.timestamp(period.end()))
                .query((rs, n) -> slaRow(rs.getString("priority"), rs.getLong("tickets"), rs.getLong("first_response_met"),
                        rs.getLong("first_response_breached"), rs.getLong("resolution_met"), rs.getLong("resolution_breached"),
                        rs.getLong("breached_tickets")))
                .list().stream().collect(Collectors.toMap(SlaRow::priority, Function.identity()));
        return Arrays.stream(Priority.values())
                .map(priority -> rows.getOrDefault(priority.name(), slaRow(priority.name(), 0, 0, 0, 0, 0, 0)))
                .toList();
    }

    private static SlaRow slaRow(String priority, long tickets, long firstResponseMet, long firstResponseBreached, long resolutionMet,
                                 long resolutionBreached, long breachedTickets) {
        return new SlaRow(priority, tickets, firstResponseMet, firstResponseBreached,
                percent(firstResponseMet, firstResponseMet + firstResponseBreached), resolutionMet, resolutionBreached,
                percent(resolutionMet, resolutionMet + resolutionBreached), breachedTickets);
    }

    /** {@code breachedTickets}: tickets marked breached, by either clock. */
    record SlaRow(String priority, long tickets, long firstResponseMet, long firstResponseBreached, Double firstResponseMetPercent,
                  long resolutionMet, long resolutionBreached, Double resolutionMetPercent, long breachedTickets) {
    }
}
