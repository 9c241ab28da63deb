package io.crmflow.analytics;

import static io.crmflow.analytics.AnalyticsNumbers.percent;
import static io.crmflow.analytics.AnalyticsNumbers.round;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.opportunity.OpportunityStage;
import io.crmflow.persistence.SqlTimes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Funnel, forecast, leaderboard and stage dwell over opportunities and their stage history, each one SQL aggregate. */
@Service
@Transactional(readOnly = true)
class SalesAnalytics {

    private static final double SECONDS_PER_DAY = 86_400.0;
    /** The stages a funnel shows; LOST is how a stage was left, not a stage of its own. */
    private static final List<OpportunityStage> FUNNEL = Arrays.stream(OpportunityStage.values()).filter(s -> s != OpportunityStage.LOST).toList();

    private final JdbcClient jdbc;

    SalesAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Funnel funnel(Period period, AnalyticsScope.Filter filter) {
        record Row(String stage, long entered, long converted, long lost, Double averageSeconds) {
        }
        Map<String, Row> rows = period.bindDays(filter.bind(jdbc.sql("""
                        select d.stage, sum(d.entered) as entered, sum(d.converted) as converted, sum(d.lost) as lost,
                               sum(d.seconds_total) as seconds_total, sum(d.stays_ended) as stays_ended
                        from opportunity_stage_day d
                        where 1 = 1""" + period.whereDay("d.entered_on") + filter.where("d.region", "d.owner_id") + """
                        group by d.stage""")))
                .query((rs, n) -> new Row(rs.getString("stage"), rs.getLong("entered"), rs.getLong("converted"), rs.getLong("lost"),
                        rs.getLong("stays_ended") == 0 ? null : (double) rs.getLong("seconds_total") / rs.getLong("stays_ended")))
                .list().stream().collect(Collectors.toMap(Row::stage, Function.identity()));
        List<Funnel.Stage> stages = FUNNEL.stream().map(stage -> {
            Row row = rows.getOrDefault(stage.name(), new Row(stage.name(), 0, 0, 0, null));
            Double conversion = stage == OpportunityStage.WON || row.entered() == 0 ? null : percent(row.converted(), row.entered());
            return new Funnel.Stage(stage.name(), row.entered(), row.converted(), row.lost(), conversion,
                    row.averageSeconds() == null ? null : round(row.averageSeconds() / SECONDS_PER_DAY));
        }).toList();
        List<Funnel.LossReasonCount> reasons = period.bind(filter.bind(jdbc.sql("""
                        select o.loss_reason, count(*) as lost from opportunity o
                        where o.stage = 'LOST'""" + period.where("o.closed_at") + filter.where("o.region", "o.owner_id") + """
                        group by o.loss_reason order by count(*) desc, o.loss_reason""")))
                .query((rs, n) -> new Funnel.LossReasonCount(rs.getString("loss_reason"), rs.getLong("lost")))
                .list();
        return new Funnel(period.from(), period.to(), stages, reasons);
    }

    /** The opportunities behind one funnel number: those that entered {@code stage} in the period, with how they left it. */
    List<StageEntry> funnelOpportunities(OpportunityStage stage, Period period, AnalyticsScope.Filter filter, int limit) {
        return filter.bind(jdbc.sql("""
                        select o.id, o.name, o.company, o.owner_id, o.region, o.amount, o.stage as current_stage, s.entered_at, s.left_at,
                               s.exited_to
                        from opportunity_stage s join opportunity o on o.id = s.opportunity_id
                        where s.stage = :stage and s.entered_at >= :start and s.entered_at < :end""" + filter.where("o.region", "o.owner_id") + """
                         order by s.entered_at desc, o.id desc limit :limit"""))
                .param("stage", stage.name())
                .param("start", SqlTimes.timestamp(period.start()))
                .param("end", SqlTimes.timestamp(period.end()))
                .param("limit", limit)
                .query((rs, n) -> new StageEntry(rs.getLong("id"), rs.getString("name"), rs.getString("company"), rs.getString("owner_id"),
                        rs.getString("region"), rs.getBigDecimal("amount"), rs.getString("current_stage"), SqlTimes.instant(rs, "entered_at"),
                        SqlTimes.instant(rs, "left_at"), rs.getString("exited_to")))
                .list();
    }

    /** One opportunity's stay in a stage. */
    record StageEntry(long id, String name, String company, String owner, String region, BigDecimal amount, String currentStage,
                      Instant enteredAt, Instant leftAt, String exitedTo) {
    }

    /** Open opportunities by expected close month and owner: Σ amount × win probability of their stage. */
    List<ForecastRow> forecast(Period period, AnalyticsScope.Filter filter) {
        return filter.bind(jdbc.sql("""
                        select extract(year from o.expected_close_date) as close_year, extract(month from o.expected_close_date) as close_month,
                               o.owner_id, count(*) as opportunities, sum(o.amount) as pipeline,
                               sum(o.amount * o.win_probability) / 100 as weighted
                        from opportunity o
                        where o.stage not in ('WON', 'LOST') and o.amount is not null and o.expected_close_date is not null
                          and o.expected_close_date >= :fromDate and o.expected_close_date <= :toDate""" + filter.where("o.region", "o.owner_id") + """
                         group by extract(year from o.expected_close_date), extract(month from o.expected_close_date), o.owner_id
                         order by close_year, close_month, o.owner_id"""))
                .param("fromDate", period.from() == null ? java.sql.Date.valueOf("1900-01-01") : java.sql.Date.valueOf(period.from()))
                .param("toDate", period.to() == null ? java.sql.Date.valueOf("9000-01-01") : java.sql.Date.valueOf(period.to()))
                .query((rs, n) -> new ForecastRow(String.format("%04d-%02d", rs.getInt("close_year"), rs.getInt("close_month")),
                        rs.getString("owner_id"), rs.getLong("opportunities"), money(rs.getBigDecimal("pipeline")),
                        money(rs.getBigDecimal("weighted"))))
                .list();
    }

    record ForecastRow(String month, String owner, long opportunities, BigDecimal pipeline, BigDecimal weighted) {
    }

    /** Won amount and count per rep, for opportunities won in the period. */
    List<LeaderboardRow> leaderboard(Period period, AnalyticsScope.Filter filter) {
        return filter.bind(jdbc.sql("""
                        select o.owner_id, count(*) as won, coalesce(sum(o.amount), 0) as won_amount
                        from opportunity o
                        where o.stage = 'WON' and o.closed_at >= :start and o.closed_at < :end""" + filter.where("o.region", "o.owner_id") + """
                         group by o.owner_id order by won_amount desc, won desc, o.owner_id"""))
                .param("start", SqlTimes.timestamp(period.start()))
                .param("end", SqlTimes.timestamp(period.end()))
                .query((rs, n) -> new LeaderboardRow(n + 1, rs.getString("owner_id"), rs.getLong("won"), money(rs.getBigDecimal("won_amount"))))
                .list();
    }

    record LeaderboardRow(int rank, String owner, long won, BigDecimal wonAmount) {
    }

    /** Average days per stage per rep, over the stays that ended, for stages entered in the period. */
    List<DwellRow> stageDwell(Period period, AnalyticsScope.Filter filter) {
        return period.bindDays(filter.bind(jdbc.sql("""
                        select d.owner_id, d.stage, sum(d.stays_ended) as stays, sum(d.seconds_total) as seconds_total
                        from opportunity_stage_day d
                        where d.stays_ended > 0""" + period.whereDay("d.entered_on") + filter.where("d.region", "d.owner_id") + """
                        group by d.owner_id, d.stage order by d.owner_id, d.stage""")))
                .query((rs, n) -> new DwellRow(rs.getString("owner_id"), rs.getString("stage"), rs.getLong("stays"),
                        round((double) rs.getLong("seconds_total") / rs.getLong("stays") / SECONDS_PER_DAY)))
                .list();
    }

    record DwellRow(String owner, String stage, long stays, double averageDays) {
    }

    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? BigDecimal.ZERO.setScale(2) : amount.setScale(2, RoundingMode.HALF_UP);
    }
}
