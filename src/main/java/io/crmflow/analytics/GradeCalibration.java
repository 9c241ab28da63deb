package io.crmflow.analytics;

import static io.crmflow.analytics.AnalyticsNumbers.percent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import javax.sql.DataSource;

import io.crmflow.lead.LeadStatus;
import io.crmflow.persistence.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the lead grades of {@code lead-score.dmn} predict what happens to the leads (docs/product.md §15): per grade, and per
 * grade and source, the leads created in the last N months, the share qualified, the share won and the median days from
 * creation to qualification. One grouped SQL over leads and their opportunities, read by the created_at index; a lead
 * counts under the grade it has now (a rescore changes it).
 */
@Service
@Transactional(readOnly = true)
class GradeCalibration {

    /** What both databases compute per group; {@code %s} is the database's way to say the days from creation to qualification. */
    private static final String MEASURES = """
            count(*) as leads,
            count(case when l.status = :converted or o.id is not null then 1 end) as qualified,
            count(case when o.stage = 'WON' then 1 end) as won,
            percentile_cont(0.5) within group (order by %s) as median_days
            from leads l left join opportunity o on o.lead_id = l.id
            where l.created_at >= :start and l.created_at < :end and l.grade is not null""";

    /** PostgreSQL: both groupings in one pass. */
    private static final String POSTGRES = "select l.grade, l.source, grouping(l.source) as all_sources, "
            + MEASURES.formatted("extract(epoch from o.created_at - l.created_at) / 86400")
            + " group by grouping sets ((l.grade), (l.grade, l.source))";

    /** H2's days between creation and qualification: its DATEDIFF counts whole seconds. */
    private static final String H2_DAYS = "datediff('SECOND', l.created_at, o.created_at) / 86400.0";

    /** H2, the embedded single-node default, has no grouping sets: the two groupings one after the other. */
    private static final String H2 = "select l.grade, l.source, 0 as all_sources, " + MEASURES.formatted(H2_DAYS)
            + " group by l.grade, l.source union all select l.grade, null, 1, " + MEASURES.formatted(H2_DAYS)
            + " group by l.grade";

    private final JdbcClient jdbc;
    private final String query;

    GradeCalibration(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        try (Connection connection = dataSource.getConnection()) {
            this.query = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()) ? POSTGRES : H2;
        }
    }

    /**
     * The leads created from {@code months} months before {@code now}, per grade (all sources) and per grade and source.
     *
     * @param ruleSetVersion the version that grades new leads, shown with the numbers
     */
    Calibration since(int months, Instant now, String ruleSetVersion) {
        Instant start = now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
        List<Group> groups = jdbc.sql(query)
                .param("converted", LeadStatus.CONVERTED.name())
                .param("start", SqlTimes.timestamp(start))
                .param("end", SqlTimes.timestamp(now))
                .query(GradeCalibration::group)
                .list();
        return new Calibration(ruleSetVersion, months, start, now,
                groups.stream().filter(Group::allSources).map(Group::row).sorted(Row.ORDER).toList(),
                groups.stream().filter(group -> !group.allSources()).map(Group::row).sorted(Row.ORDER).toList());
    }

    private static Group group(ResultSet rs, int row) throws SQLException {
        long leads = rs.getLong("leads");
        long qualified = rs.getLong("qualified");
        long won = rs.getLong("won");
        Number median = (Number) rs.getObject("median_days");
        return new Group(rs.getInt("all_sources") == 1, new Row(rs.getString("grade"), rs.getString("source"), leads, qualified, won,
                percent(qualified, leads), percent(won, leads), median == null ? null : AnalyticsNumbers.round(median.doubleValue())));
    }

    private record Group(boolean allSources, Row row) {
    }

    /**
     * @param grades    one row per grade, all sources together ({@code source} null)
     * @param bySource  one row per grade and source
     */
    record Calibration(String ruleSetVersion, int months, Instant from, Instant to, List<Row> grades, List<Row> bySource) {
    }

    /**
     * @param qualifiedPercent and {@code wonPercent}: of the grade's leads, so grades compare directly
     * @param medianDaysToQualify from the lead's creation to its opportunity; null when none qualified
     */
    record Row(String grade, String source, long leads, long qualified, long won, Double qualifiedPercent, Double wonPercent,
               Double medianDaysToQualify) {

        static final Comparator<Row> ORDER = Comparator.comparing(Row::grade)
                .thenComparing(Row::source, Comparator.nullsFirst(Comparator.naturalOrder()));
    }
}
