package io.crmflow.opportunity;

import static io.crmflow.persistence.SqlTimes.instant;
import static io.crmflow.persistence.SqlTimes.timestamp;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import io.crmflow.process.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The opportunities of a customer as the customer feature needs them (docs/product.md §12): which customer an opportunity belongs
 * to, and what the customer has won — the inputs of its tier and lifecycle.
 */
@Component
public class CustomerOrders {

    /** The process variable that names an opportunity's customer; the task forms link to {@code /customers/{customerId}}. */
    private static final String CUSTOMER_ID = "customerId";

    private final JdbcClient jdbc;
    private final OpportunityRepository opportunities;
    private final RuntimeService runtime;

    CustomerOrders(JdbcClient jdbc, OpportunityRepository opportunities, RuntimeService runtime) {
        this.jdbc = jdbc;
        this.opportunities = opportunities;
        this.runtime = runtime;
    }

    /**
     * What a customer has won: amount won since {@code since}, how many opportunities won in all, the first and the
     * last win (null when none).
     */
    public record WonOrders(BigDecimal amountSince, long won, Instant firstWonAt, Instant lastWonAt) {
    }

    @Transactional(readOnly = true)
    public WonOrders wonBy(long customerId, Instant since) {
        return jdbc.sql("""
                        select coalesce(sum(case when closed_at >= :since then amount end), 0) as amount_since, count(*) as won,
                               min(closed_at) as first_won, max(closed_at) as last_won
                        from opportunity where customer_id = :customer and stage = 'WON'""")
                .param("since", timestamp(since)).param("customer", customerId)
                .query((rs, row) -> new WonOrders(rs.getBigDecimal("amount_since"), rs.getLong("won"), instant(rs, "first_won"),
                        instant(rs, "last_won")))
                .single();
    }

    /** The customer's opportunities, newest first. */
    @Transactional(readOnly = true)
    public List<CompanyOpportunity> of(long customerId) {
        return jdbc.sql("select id, name, stage, amount, owner_id from opportunity where customer_id = ? order by id desc").param(customerId)
                .query((rs, row) -> new CompanyOpportunity(rs.getLong("id"), rs.getString("name"), rs.getString("stage"),
                        rs.getBigDecimal("amount"), rs.getString("owner_id")))
                .list();
    }

    /** The customer of an opportunity, if it has one. */
    @Transactional(readOnly = true)
    public Long customerOf(long opportunityId) {
        return jdbc.sql("select customer_id from opportunity where id = ?").param(opportunityId).query(Long.class).optional().orElse(null);
    }

    /**
     * The opportunity belongs to {@code customerId} from now on; its timeline says why, and its running process knows it, so
     * that the forms of its tasks link to the customer page.
     */
    @Transactional
    public void link(long opportunityId, long customerId, String why, String actor) {
        jdbc.sql("update opportunity set customer_id = ? where id = ?").params(customerId, opportunityId).update();
        opportunities.recordEvent(opportunityId, "CUSTOMER_LINKED", why, actor, EngineClock.now());
        // An open opportunity's process runs (it ends with the opportunity); it may have been started in this very transaction,
        // which a process-instance query would not see yet.
        opportunities.findById(opportunityId).filter(opportunity -> !opportunity.stage().isClosed() && opportunity.processInstanceId() != null)
                .ifPresent(opportunity -> runtime.setVariable(opportunity.processInstanceId(), CUSTOMER_ID, customerId));
    }
}
