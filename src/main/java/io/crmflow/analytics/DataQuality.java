package io.crmflow.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;

import io.crmflow.lead.LeadStatus;
import io.crmflow.persistence.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records that need someone's attention: open opportunities without amount or expected close date (the forecast cannot
 * count them), open leads nobody can reach, and open opportunities nobody has touched for 72 hours.
 */
@Service
@Transactional(readOnly = true)
class DataQuality {

    static final Duration STALE_AFTER = Duration.ofHours(72);
    /** Ids listed per finding, newest first; the count is always complete. */
    static final int MAX_IDS = 100;

    private static final String OPEN_OPPORTUNITY = "o.stage not in ('WON', 'LOST')";
    /** The total rides along each row as a window count, so that one query gives both the count and the first ids. */
    private static final String TOTAL = ", count(*) over () as total";
    private final JdbcClient jdbc;

    DataQuality(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Report report(AnalyticsScope.Filter filter, Instant now) {
        Finding incomplete = finding("select o.id" + TOTAL + " from opportunity o where " + OPEN_OPPORTUNITY
                + " and (o.amount is null or o.expected_close_date is null)" + filter.where("o.region", "o.owner_id") + " order by o.id desc", filter,
                UnaryOperator.identity());
        Finding unreachable = finding("select l.id" + TOTAL + " from leads l where l.status in (:open)"
                + " and coalesce(l.phone, '') = '' and coalesce(l.email, '') = ''" + filter.where("l.region", "l.owner_id") + " order by l.id desc", filter,
                statement -> statement.param("open", LeadStatus.OPEN.stream().map(Enum::name).toList()));
        Finding stale = finding("select o.id" + TOTAL + " from opportunity o where " + OPEN_OPPORTUNITY + " and o.last_activity_at < :cutoff"
                + filter.where("o.region", "o.owner_id") + " order by o.id desc", filter,
                statement -> statement.param("cutoff", SqlTimes.timestamp(now.minus(STALE_AFTER))));
        // docs/product.md §13: activities recorded more than 72 h after they happened, counted where the customer's region and the
        // rep who recorded them are in scope.
        Finding lateActivities = finding("select a.id" + TOTAL + " from activity a join customer c on c.id = a.customer_id where a.late = true"
                + filter.where("c.region", "a.recorded_by") + " order by a.id desc", filter, UnaryOperator.identity());
        return new Report(incomplete, unreachable, stale, STALE_AFTER.toHours(), lateActivities);
    }

    private Finding finding(String select, AnalyticsScope.Filter filter, UnaryOperator<JdbcClient.StatementSpec> params) {
        record Row(long id, long total) {
        }
        List<Row> rows = params.apply(filter.bind(jdbc.sql(select + " limit :maxIds")))
                .param("maxIds", MAX_IDS)
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("total")))
                .list();
        return new Finding(rows.isEmpty() ? 0 : rows.get(0).total(), rows.stream().map(Row::id).toList());
    }

    /** {@code count} of all the records found; {@code ids} of at most {@value #MAX_IDS}, newest first. */
    record Finding(long count, List<Long> ids) {
    }

    /** {@code openOpportunitiesIdle}: last activity more than {@code idleHours} ago; {@code activitiesRecordedLate}: activities flagged late. */
    record Report(Finding openOpportunitiesWithoutAmountOrCloseDate, Finding openLeadsWithoutPhoneAndEmail,
                  Finding openOpportunitiesIdle, long idleHours, Finding activitiesRecordedLate) {
    }
}
