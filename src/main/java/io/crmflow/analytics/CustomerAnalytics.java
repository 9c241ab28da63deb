package io.crmflow.analytics;

import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.team.SalesTeam;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers by recency, frequency and monetary value of their orders (the customer's won opportunities), each
 * scored in quintiles 1–5 among the customers in scope, by the database's {@code ntile} window function.
 */
@Service
@Transactional(readOnly = true)
class CustomerAnalytics {

    private final JdbcClient jdbc;
    private final SalesTeam team;

    CustomerAnalytics(JdbcClient jdbc, SalesTeam team) {
        this.jdbc = jdbc;
        this.team = team;
    }

    record RfmRow(long customerId, String name, String tier, String accountOwner, Instant lastOrderAt, Long daysSinceLastOrder, long orders,
                  BigDecimal monetary, int recencyScore, int frequencyScore, int monetaryScore) {

        @JsonProperty("score")
        public int score() {
            return recencyScore + frequencyScore + monetaryScore;
        }
    }

    List<RfmRow> rfm(AnalyticsScope.Filter filter) {
        Set<String> owners = owners(filter);
        Instant now = now();
        JdbcClient.StatementSpec statement = jdbc.sql("""
                select x.id, x.name, x.tier, x.account_owner, x.last_order_at, x.orders, x.monetary,
                       ntile(5) over (order by x.last_order_at nulls first, x.id) as recency_score,
                       ntile(5) over (order by x.orders, x.id) as frequency_score,
                       ntile(5) over (order by x.monetary, x.id) as monetary_score
                from (select c.id, c.name, c.tier, c.account_owner, max(o.closed_at) as last_order_at, count(o.id) as orders,
                             coalesce(sum(o.amount), 0) as monetary
                      from customer c left join opportunity o on o.customer_id = c.id and o.stage = 'WON'
                      where 1 = 1""" + (owners == null ? " " : " and c.account_owner in (:owners) ") + """
                      group by c.id, c.name, c.tier, c.account_owner) x
                order by x.id""");
        if (owners != null) {
            statement = statement.param("owners", owners.isEmpty() ? Set.of("-") : owners);
        }
        return statement.query((rs, n) -> {
            Instant lastOrder = SqlTimes.instant(rs, "last_order_at");
            return new RfmRow(rs.getLong("id"), rs.getString("name"), rs.getString("tier"), rs.getString("account_owner"), lastOrder,
                    lastOrder == null ? null : Duration.between(lastOrder, now).toDays(), rs.getLong("orders"), rs.getBigDecimal("monetary"),
                    rs.getInt("recency_score"), rs.getInt("frequency_score"), rs.getInt("monetary_score"));
        }).list().stream().sorted((a, b) -> a.score() != b.score() ? Integer.compare(b.score(), a.score()) : Long.compare(a.customerId(), b.customerId()))
                .toList();
    }

    /** Customers have an account owner but no region: a manager's regions are the owners who work in them. Null = everyone. */
    Set<String> owners(AnalyticsScope.Filter filter) {
        if (filter.owner() != null) {
            return Set.of(filter.owner());
        }
        if (filter.regions() == null) {
            return null;
        }
        return team.allReps().stream().filter(rep -> rep.regions().stream().anyMatch(region -> filter.regions().contains(region.name())))
                .map(rep -> rep.userId()).collect(Collectors.toSet());
    }
}
