package io.crmflow.analytics;

import static io.crmflow.analytics.AnalyticsNumbers.percent;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.lead.LeadStatus;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.team.Region;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Lead sources (leads → qualified → won) and the public pools, each one SQL aggregate over leads. */
@Service
@Transactional(readOnly = true)
class LeadAnalytics {

    private final JdbcClient jdbc;

    LeadAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Per source, the leads created in the period, how many of them were qualified and how many of those won. A qualified
     * lead is converted into exactly one opportunity ({@code opportunity.lead_id} is unique), so the join counts each lead once.
     */
    List<LeadSourceRow> leadSources(Period period, AnalyticsScope.Filter filter) {
        return filter.bind(jdbc.sql("""
                        select l.source, count(*) as leads,
                               sum(case when l.status = :converted or o.id is not null then 1 else 0 end) as qualified,
                               sum(case when o.stage = 'WON' then 1 else 0 end) as won
                        from leads l left join opportunity o on o.lead_id = l.id
                        where l.created_at >= :start and l.created_at < :end""" + filter.where("l.region", "l.owner_id") + """
                         group by l.source order by count(*) desc, l.source"""))
                .param("converted", LeadStatus.CONVERTED.name())
                .param("start", SqlTimes.timestamp(period.start()))
                .param("end", SqlTimes.timestamp(period.end()))
                .query((rs, n) -> {
                    long leads = rs.getLong("leads");
                    long qualified = rs.getLong("qualified");
                    long won = rs.getLong("won");
                    return new LeadSourceRow(rs.getString("source"), leads, qualified, won, percent(qualified, leads), percent(won, qualified));
                })
                .list();
    }

    /** {@code qualifiedPercent} of the leads; {@code wonPercent} of the qualified ones, like a funnel step. */
    record LeadSourceRow(String source, long leads, long qualified, long won, Double qualifiedPercent, Double wonPercent) {
    }

    /**
     * Per region in scope (empty pools included), the leads waiting in the pool and since when the oldest waits. A lead's
     * {@code updated_at} is when it entered the pool: nothing else updates a lead while it is IN_POOL.
     */
    List<PoolRow> pools(AnalyticsScope.Filter filter, Instant now) {
        record Pool(String region, long leads, Instant oldestSince) {
        }
        Map<String, Pool> pools = filter.bind(jdbc.sql("""
                        select l.region, count(*) as leads, min(l.updated_at) as oldest_since
                        from leads l
                        where l.status = :inPool""" + filter.where("l.region", "l.owner_id") + """
                         group by l.region"""))
                .param("inPool", LeadStatus.IN_POOL.name())
                .query((rs, n) -> new Pool(rs.getString("region"), rs.getLong("leads"), SqlTimes.instant(rs, "oldest_since")))
                .list().stream().collect(Collectors.toMap(Pool::region, Function.identity()));
        return Arrays.stream(Region.values())
                .filter(region -> filter.regions() == null || filter.regions().contains(region.name()))
                .map(region -> pools.getOrDefault(region.name(), new Pool(region.name(), 0, null)))
                .map(pool -> new PoolRow(pool.region(), pool.leads(), pool.oldestSince(),
                        pool.oldestSince() == null ? null : Duration.between(pool.oldestSince(), now).toHours()))
                .toList();
    }

    record PoolRow(String region, long leads, Instant oldestSince, Long oldestWaitingHours) {
    }
}
