package io.crmflow.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.crmflow.activity.CadenceStatus;
import io.crmflow.customer.CustomerTier;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.process.EngineClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Field work per rep and week, and cadence compliance per tier (docs/product.md §13): what reps recorded (visits, calls with
 * their minutes, demos, late entries) in weeks starting Monday, Asia/Shanghai; and the share of customers within their
 * tier's cadence right now. A rep's activities count where the customer's region and the rep match the caller's scope.
 */
@Service
@Transactional(readOnly = true)
class ActivityAnalytics {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long WEEK_SECONDS = 7 * 24 * 3600;

    private final JdbcClient jdbc;
    private final CadenceStatus cadence;

    ActivityAnalytics(JdbcClient jdbc, CadenceStatus cadence) {
        this.jdbc = jdbc;
        this.cadence = cadence;
    }

    /** One rep's week: {@code week} is its Monday. */
    record RepWeek(String rep, LocalDate week, long visits, long calls, long callMinutes, long onlineMeetings, long demos, long others,
                   long lateEntries) {
    }

    /** Customers of a tier in scope, how many are behind, and the share within cadence. */
    record TierCompliance(String tier, long customers, long behind, BigDecimal compliancePercent) {
    }

    record Report(List<RepWeek> weeks, List<TierCompliance> cadence) {
    }

    Report report(Period period, AnalyticsScope.Filter filter) {
        // Weeks are counted from a Monday 00:00 in Shanghai in seconds, divided as floating point: H2 rounds a numeric division
        // to the dividend's scale, which would put a Sunday into the next week.
        LocalDate monday = (period.from() != null ? period.from() : LocalDate.ofInstant(EngineClock.now(), SHANGHAI)).with(DayOfWeek.MONDAY);
        long mondayEpoch = monday.atStartOfDay(SHANGHAI).toEpochSecond();
        List<RepWeek> weeks = filter.bind(jdbc.sql("""
                        select recorded_by, week_index,
                               sum(case when kind = 'VISIT' then 1 else 0 end) as visits,
                               sum(case when kind = 'CALL' then 1 else 0 end) as calls,
                               sum(case when kind = 'CALL' then coalesce(minutes, 0) else 0 end) as call_minutes,
                               sum(case when kind = 'ONLINE_MEETING' then 1 else 0 end) as online_meetings,
                               sum(case when kind = 'DEMO' then 1 else 0 end) as demos,
                               sum(case when kind in ('EMAIL', 'IM') then 1 else 0 end) as others,
                               sum(case when late then 1 else 0 end) as late_entries
                        from (select a.recorded_by, a.kind, a.minutes, a.late,
                                     floor(cast(extract(epoch from a.occurred_at) - :monday as double precision) / :week) as week_index
                              from activity a join customer c on c.id = a.customer_id
                              where a.occurred_at >= :from and a.occurred_at < :to""" + filter.where("c.region", "a.recorded_by") + """
                             ) in_scope
                        group by recorded_by, week_index
                        order by week_index, recorded_by"""))
                .param("monday", mondayEpoch)
                .param("week", WEEK_SECONDS)
                .param("from", SqlTimes.timestamp(period.start()))
                .param("to", SqlTimes.timestamp(period.end()))
                .query((rs, n) -> new RepWeek(rs.getString("recorded_by"), monday.plusWeeks(rs.getLong("week_index")), rs.getLong("visits"),
                        rs.getLong("calls"), rs.getLong("call_minutes"), rs.getLong("online_meetings"), rs.getLong("demos"), rs.getLong("others"),
                        rs.getLong("late_entries")))
                .list();
        return new Report(weeks, compliance(filter));
    }

    private List<TierCompliance> compliance(AnalyticsScope.Filter filter) {
        Map<String, Long> customers = new TreeMap<>();
        filter.bind(jdbc.sql("select c.tier, count(*) as customers from customer c where c.account_owner is not null"
                        + filter.where("c.region", "c.account_owner") + " group by c.tier"))
                .query((rs, n) -> Map.entry(rs.getString("tier"), rs.getLong("customers"))).list()
                .forEach(row -> customers.put(row.getKey(), row.getValue()));
        Map<CustomerTier, Long> behind = cadence.customersBehind().stream()
                // a customer without a region is in no region's scope, as in the SQL above (region in (:regions))
                .filter(customer -> filter.regions() == null || customer.region() != null && filter.regions().contains(customer.region()))
                .filter(customer -> filter.owner() == null || filter.owner().equals(customer.owner()))
                .collect(Collectors.groupingBy(CadenceStatus.CustomerBehind::tier, Collectors.counting()));
        return customers.entrySet().stream().map(tier -> {
            long behindCount = behind.getOrDefault(CustomerTier.valueOf(tier.getKey()), 0L);
            BigDecimal percent = BigDecimal.valueOf(100L * (tier.getValue() - behindCount)).divide(BigDecimal.valueOf(tier.getValue()), 1, RoundingMode.HALF_UP);
            return new TierCompliance(tier.getKey(), tier.getValue(), behindCount, percent);
        }).toList();
    }

    /**
     * A rep's time in one step of the pharmacy visit (docs/product.md §13): completed steps and their average hours open,
     * steps still open, and how many were warned for staying open more than 72 hours.
     */
    record StepDwell(String owner, String step, String stepName, long completed, double averageHours, long open, long warned) {
    }

    /** Per rep and step, over the steps opened in the period, in the procedure's order; where the visit's region and the rep match the scope. */
    List<StepDwell> pharmacyStepDwell(Period period, AnalyticsScope.Filter filter) {
        return period.bind(filter.bind(jdbc.sql("""
                        select s.owner, s.step, min(s.step_name) as step_name,
                               sum(case when s.completed_at is null then 0 else 1 end) as completed,
                               sum(case when s.completed_at is null then 0
                                        else extract(epoch from s.completed_at) - extract(epoch from s.opened_at) end) as seconds_total,
                               sum(case when s.completed_at is null then 1 else 0 end) as still_open,
                               sum(case when s.warned_at is null then 0 else 1 end) as warned
                        from pharmacy_visit_step s join pharmacy_visit v on v.id = s.visit_id
                        where 1 = 1""" + period.where("s.opened_at") + filter.where("v.region", "s.owner") + """
                        group by s.owner, s.step order by s.owner, min(s.id)""")))
                .query((rs, n) -> {
                    long completed = rs.getLong("completed");
                    double hours = completed == 0 ? 0 : rs.getDouble("seconds_total") / completed / 3600;
                    return new StepDwell(rs.getString("owner"), rs.getString("step"), rs.getString("step_name"), completed,
                            Math.round(hours * 10) / 10.0, rs.getLong("still_open"), rs.getLong("warned"));
                })
                .list();
    }
}
