package io.crmflow.analytics;

import static io.crmflow.analytics.AnalyticsNumbers.percent;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import javax.sql.DataSource;

import io.crmflow.lead.LeadStatus;
import io.crmflow.persistence.SqlDialect;
import io.crmflow.persistence.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether the lead grades of {@code lead-score.dmn} predict what happens to the leads (docs/product.md §15): per grade, and per
 * grade and source, the leads created in the last N months, the share qualified, the share won and the median days from
 * creation to qualification. Two grouped SQL statements over leads and their opportunities, read by the created_at
 * index: the counts per grade and source (hashed, no sort; the grades' counts are their sums), and the medians, which
 * cannot be summed and need a sort, over the qualified leads only. A lead counts under the grade it has now (a rescore
 * changes it).
 */
@Service
@Transactional(readOnly = true)
class GradeCalibration {

    private static final String PERIOD = " where l.created_at >= :start and l.created_at < :end and l.grade is not null";

    private static final String COUNTS = """
            select l.grade, l.source, count(*) as leads,
                   count(case when l.status = :converted or o.id is not null then 1 end) as qualified,
                   count(case when o.stage = 'WON' then 1 end) as won
            from leads l left join opportunity o on o.lead_id = l.id""" + PERIOD + " group by l.grade, l.source";

    /** PostgreSQL: the medians per grade and per grade and source in one pass. */
    private static final String POSTGRES_MEDIANS = """
            select l.grade, l.source, grouping(l.source) as all_sources,
                   percentile_cont(0.5) within group (order by extract(epoch from o.created_at - l.created_at) / 86400) as median_days
            from leads l join opportunity o on o.lead_id = l.id""" + PERIOD + " group by grouping sets ((l.grade), (l.grade, l.source))";

    /** H2, the embedded single-node default, has no grouping sets: the two groupings one after the other. */
    private static final String H2_MEDIANS = ("select l.grade, l.source, 0 as all_sources, %1$s as median_days"
            + " from leads l join opportunity o on o.lead_id = l.id" + PERIOD + " group by l.grade, l.source"
            + " union all select l.grade, null, 1, %1$s from leads l join opportunity o on o.lead_id = l.id" + PERIOD
            + " group by l.grade").formatted("percentile_cont(0.5) within group (order by datediff('SECOND', l.created_at, o.created_at) / 86400.0)");

    private final JdbcClient jdbc;
    private final String medians;

    GradeCalibration(JdbcClient jdbc, DataSource dataSource) throws SQLException {
        this.jdbc = jdbc;
        this.medians = SqlDialect.choose(dataSource, POSTGRES_MEDIANS, H2_MEDIANS);
    }

    /**
     * The leads created from {@code months} months before {@code now}, per grade (all sources) and per grade and source.
     *
     * @param ruleSetVersion the version that grades new leads, shown with the numbers
     */
    Calibration since(int months, Instant now, String ruleSetVersion) {
        Instant start = now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
        List<Counts> bySource = period(jdbc.sql(COUNTS), start, now).param("converted", LeadStatus.CONVERTED.name())
                .query((rs, n) -> new Counts(rs.getString("grade"), rs.getString("source"), rs.getLong("leads"), rs.getLong("qualified"),
                        rs.getLong("won")))
                .list();
        Map<List<String>, Double> median = new HashMap<>();
        period(jdbc.sql(medians), start, now).query(rs -> {
            Number days = (Number) rs.getObject("median_days");
            median.put(Arrays.asList(rs.getString("grade"), rs.getInt("all_sources") == 1 ? null : rs.getString("source")),
                    days == null ? null : AnalyticsNumbers.round(days.doubleValue()));
        });
        Map<String, Counts> byGrade = new TreeMap<>();
        bySource.forEach(counts -> byGrade.merge(counts.grade(), counts.allSources(), Counts::plus));
        Function<Counts, Row> row = counts -> counts.row(median.get(Arrays.asList(counts.grade(), counts.source())));
        return new Calibration(ruleSetVersion, months, start, now, byGrade.values().stream().map(row).toList(),
                bySource.stream().map(row).sorted(Row.ORDER).toList());
    }

    private static JdbcClient.StatementSpec period(JdbcClient.StatementSpec statement, Instant start, Instant end) {
        return statement.param("start", SqlTimes.timestamp(start)).param("end", SqlTimes.timestamp(end));
    }

    private record Counts(String grade, String source, long leads, long qualified, long won) {

        /** The same counts as a part of the grade's, all sources together. */
        Counts allSources() {
            return new Counts(grade, null, leads, qualified, won);
        }

        Counts plus(Counts other) {
            return new Counts(grade, null, leads + other.leads, qualified + other.qualified, won + other.won);
        }

        Row row(Double medianDaysToQualify) {
            return new Row(grade, source, leads, qualified, won, percent(qualified, leads), percent(won, leads), medianDaysToQualify);
        }
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

        static final Comparator<Row> ORDER = Comparator.comparing(Row::grade).thenComparing(Row::source);
    }
}
