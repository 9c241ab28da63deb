package io.crmflow.analytics;

import static io.crmflow.pdf.PdfDocuments.money;
import static io.crmflow.process.EngineClock.now;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import io.crmflow.persistence.SqlTimes;
import io.crmflow.rules.ActiveRuleSet;
import io.crmflow.web.InvalidRequestException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Churn warnings (docs/product.md §7), carried by {@code processes/customer-churn.bpmn}: every day, customers whose tier has a
 * limit in rules/customer-churn.dmn and who have had no order for that many days get a warning and their account owner a
 * task — once per customer per that many days.
 */
@Service
class ChurnWatch {

    static final String PROCESS_KEY = "customer-churn";
    static final String MODEL = "customer-churn";

    private static final String SELECT = "select w.id, w.customer_id, c.name, c.tier, w.account_owner, w.last_order_at, w.days_without_order, "
            + "w.warned_at, w.handled_by, w.handled_note, w.handled_at from churn_warning w join customer c on c.id = w.customer_id";

    private final JdbcClient jdbc;
    private final ActiveRuleSet rules;
    private final Notifications notifications;

    ChurnWatch(JdbcClient jdbc, ActiveRuleSet rules, Notifications notifications) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.notifications = notifications;
    }

    /** A warning as its task and the API show it. */
    record ChurnWarning(long id, long customerId, String customer, String tier, String accountOwner, Instant lastOrderAt,
                        int daysWithoutOrder, Instant warnedAt, String handledBy, String handledNote, Instant handledAt) {
    }

    /** Step "Find customers at risk": records a warning for each, in this transaction; returns their ids. */
    @Transactional
    List<Long> warnCustomersAtRisk() {
        Instant now = now();
        List<Long> warnings = new ArrayList<>();
        for (String tier : jdbc.sql("select distinct tier from customer order by tier").query(String.class).list()) {
            Object limit = rules.decide(MODEL, ruleSet -> ruleSet.evaluate(MODEL, Map.of("tier", tier)).result("customerChurn"));
            if (!(limit instanceof Number days)) {
                continue;
            }
            Instant cutoff = now.minus(Duration.ofDays(days.longValue()));
            record AtRisk(long id, String owner, Instant lastOrder) {
            }
            List<AtRisk> atRisk = jdbc.sql("""
                            select c.id, c.account_owner, max(o.closed_at) as last_order_at
                            from customer c left join opportunity o on o.customer_id = c.id and o.stage = 'WON'
                            where c.tier = :tier
                              and not exists (select 1 from churn_warning w where w.customer_id = c.id and w.warned_at > :cutoff)
                            group by c.id, c.account_owner, c.created_at
                            having coalesce(max(o.closed_at), c.created_at) <= :cutoff
                            order by c.id""")
                    .param("tier", tier)
                    .param("cutoff", SqlTimes.timestamp(cutoff))
                    .query((rs, n) -> new AtRisk(rs.getLong("id"), rs.getString("account_owner"), SqlTimes.instant(rs, "last_order_at")))
                    .list();
            for (AtRisk customer : atRisk) {
                KeyHolder keys = new GeneratedKeyHolder();
                jdbc.sql("""
                                insert into churn_warning (customer_id, account_owner, last_order_at, days_without_order, warned_at)
                                values (:customer, :owner, :lastOrder, :days, :now)""")
                        .param("customer", customer.id())
                        .param("owner", customer.owner())
                        .param("lastOrder", SqlTimes.timestamp(customer.lastOrder()))
                        .param("days", days.intValue())
                        .param("now", SqlTimes.timestamp(now))
                        .update(keys, "id");
                warnings.add(keys.getKeyAs(Number.class).longValue());
            }
        }
        return warnings;
    }

    /** The account owner's task: its name, its assignee and what its form shows. */
    record RetentionTask(String name, String assignee, Map<String, Object> variables) {
    }

    /** What the account owner's task shows; the owner also hears about it by IM. */
    @Transactional
    RetentionTask openTask(long warningId) {
        ChurnWarning warning = get(warningId);
        Map<String, Object> variables = new HashMap<>();
        variables.put("churnWarningId", warningId);
        variables.put("customerId", warning.customerId());
        variables.put("customer", warning.customer());
        variables.put("tier", warning.tier());
        variables.put("accountOwner", warning.accountOwner());
        variables.put("lastOrder", warning.lastOrderAt() == null ? "无订单 None" : warning.lastOrderAt().toString().substring(0, 10));
        variables.put("daysWithoutOrder", (long) warning.daysWithoutOrder());
        record Orders(long count, BigDecimal amount) {
        }
        Orders orders = jdbc.sql("select count(*), coalesce(sum(amount), 0) from opportunity where customer_id = ? and stage = 'WON'")
                .param(warning.customerId()).query((rs, n) -> new Orders(rs.getLong(1), rs.getBigDecimal(2))).single();
        variables.put("ordersSoFar", orders.count() + " 单 orders, " + money(orders.amount()) + " CNY");
        notifications.send(new Notification(Channel.IM, warning.accountOwner(), "客户流失预警 Customer at risk: " + warning.customer(),
                warning.tier() + " 类客户 " + warning.daysWithoutOrder() + " 天以上无订单 No order for " + warning.daysWithoutOrder() + "+ days",
                "customer:" + warning.customerId(), "churn-warning:" + warningId));
        return new RetentionTask("客户流失预警 Customer at risk: " + warning.customer() + " (" + warning.tier() + ", "
                + warning.daysWithoutOrder() + "+ 天无订单 days without an order)", warning.accountOwner(), variables);
    }

    /** The owner's task is done: what they did to keep the customer. */
    @Transactional
    void recordHandled(long warningId, String note, String actor) {
        if (note == null || note.isBlank()) {
            throw new InvalidRequestException("retentionNote", "Say what was done to keep the customer");
        }
        jdbc.sql("update churn_warning set handled_by = ?, handled_note = ?, handled_at = ? where id = ?")
                .params(actor, note.trim(), SqlTimes.timestamp(now()), warningId).update();
    }

    /** Warnings, newest first, of the customers whose owners are in {@code owners} (null: all). */
    @Transactional(readOnly = true)
    List<ChurnWarning> warnings(Set<String> owners, boolean openOnly) {
        JdbcClient.StatementSpec statement = jdbc.sql(SELECT + " where 1 = 1" + (owners == null ? "" : " and w.account_owner in (:owners)")
                + (openOnly ? " and w.handled_at is null" : "") + " order by w.warned_at desc, w.id desc limit 500");
        if (owners != null) {
            statement = statement.param("owners", owners.isEmpty() ? Set.of("-") : owners);
        }
        return statement.query(ChurnWatch::map).list();
    }

    private ChurnWarning get(long warningId) {
        return jdbc.sql(SELECT + " where w.id = ?").param(warningId).query(ChurnWatch::map).single();
    }

    private static ChurnWarning map(ResultSet rs, int row) throws SQLException {
        return new ChurnWarning(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("name"), rs.getString("tier"),
                rs.getString("account_owner"), SqlTimes.instant(rs, "last_order_at"), rs.getInt("days_without_order"),
                SqlTimes.instant(rs, "warned_at"), rs.getString("handled_by"), rs.getString("handled_note"), SqlTimes.instant(rs, "handled_at"));
    }
}
