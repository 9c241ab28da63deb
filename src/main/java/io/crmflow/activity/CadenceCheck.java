package io.crmflow.activity;

import static io.crmflow.persistence.SqlTimes.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.crmflow.customer.CustomerTier;
import io.crmflow.rules.RuleSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which customers are behind their tier's cadence at a moment (docs/product.md §13): one set-based query per tier, so that
 * the database checks every customer at once (an index range of {@code activity} per customer), instead of a round trip
 * per customer. A customer that never had an activity counts from the day it was entered.
 */
@Component
class CadenceCheck {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;

    CadenceCheck(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer behind: why, and who has to act. */
    record Behind(long customerId, String name, String owner, String region, CustomerTier tier, boolean contactOverdue, int demosThisMonth,
                  FollowUpCadence cadence) {

        String reason() {
            List<String> reasons = new ArrayList<>();
            if (contactOverdue) {
                reasons.add(cadence.everyDays() + " 天无 days without " + cadence.kindLabels());
            }
            if (demosThisMonth < cadence.demosPerMonth()) {
                reasons.add("本月演示 Demos this month: " + demosThisMonth + " / " + cadence.demosPerMonth());
            }
            return "等级 Tier " + tier + ": " + String.join("; ", reasons);
        }
    }

    /**
     * Customers behind at {@code now} by {@code rules}; {@code withoutOpenFollowUp} leaves out those that already have an open
     * follow-up; {@code onlyCustomer} (or null) narrows the check to one.
     */
    List<Behind> behind(RuleSet rules, Instant now, boolean withoutOpenFollowUp, Long onlyCustomer) {
        List<Behind> behind = new ArrayList<>();
        for (CustomerTier tier : CustomerTier.values()) {
            behind.addAll(behind(FollowUpCadence.decide(rules, tier), now, withoutOpenFollowUp, onlyCustomer));
        }
        return behind;
    }

    private List<Behind> behind(FollowUpCadence cadence, Instant now, boolean withoutOpenFollowUp, Long onlyCustomer) {
        Instant cutoff = now.minus(Duration.ofDays(cadence.everyDays()));
        LocalDate today = LocalDate.ofInstant(now, SHANGHAI);
        Instant monthStart = today.withDayOfMonth(1).atStartOfDay(SHANGHAI).toInstant();
        // Demos count only from the month's due day on, and only for customers that were there for the whole month.
        boolean demosDue = cadence.demosPerMonth() > 0 && today.getDayOfMonth() >= cadence.demosDueFromDay();
        String sql = """
                select id, name, account_owner, region, contact_overdue, demos from (
                  select c.id, c.name, c.account_owner, c.region,
                         case when c.created_at < :cutoff and not exists (
                                  select 1 from activity a where a.customer_id = c.id and a.kind in (:kinds) and a.occurred_at >= :cutoff)
                              then 1 else 0 end as contact_overdue,
                         case when :demosDue = 1 and c.created_at < :monthStart
                              then (select count(*) from activity d where d.customer_id = c.id and d.kind = 'DEMO' and d.occurred_at >= :monthStart)
                              else :demosPerMonth end as demos
                  from customer c
                  where c.tier = :tier and c.account_owner is not null""" + (onlyCustomer == null ? "" : " and c.id = :only")
                + (withoutOpenFollowUp ? " and not exists (select 1 from follow_up f where f.open_customer_id = c.id)" : "") + """
                ) checked
                where contact_overdue = 1 or demos < :demosPerMonth
                order by id""";
        JdbcClient.StatementSpec statement = jdbc.sql(sql)
                .param("cutoff", timestamp(cutoff))
                .param("kinds", cadence.contactKinds().stream().map(Enum::name).toList())
                .param("demosDue", demosDue ? 1 : 0)
                .param("monthStart", timestamp(monthStart))
                .param("demosPerMonth", cadence.demosPerMonth())
                .param("tier", cadence.tier().name());
        if (onlyCustomer != null) {
            statement = statement.param("only", onlyCustomer);
        }
        return statement.query((rs, n) -> new Behind(rs.getLong("id"), rs.getString("name"), rs.getString("account_owner"),
                rs.getString("region"), cadence.tier(), rs.getInt("contact_overdue") == 1, rs.getInt("demos"), cadence)).list();
    }
}
