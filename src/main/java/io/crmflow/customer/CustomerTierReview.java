package io.crmflow.customer;

import java.time.LocalDate;
import java.time.ZoneId;

import io.crmflow.opportunity.CustomerOrders;
import io.crmflow.opportunity.OpportunityWon;
import io.crmflow.process.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a customer's tier and lifecycle are decided again (docs/product.md §12): as soon as one of its opportunities is won (in the transaction
 * of the win), and every night by {@code processes/customer-tier-review.bpmn}.
 */
final class CustomerTierReview {

    static final String ACTOR = "rules";

    private CustomerTierReview() {
    }

    @Component
    static class OnWin {

        private final CustomerService customers;
        private final CustomerOrders orders;

        OnWin(CustomerService customers, CustomerOrders orders) {
            this.customers = customers;
            this.orders = orders;
        }

        @EventListener
        void decideAgain(OpportunityWon won) {
            Long customer = orders.customerOf(won.opportunityId());
            if (customer != null) {
                customers.decideAgain(customer, ACTOR);
            }
        }
    }

    /** Service task "Review customer tiers": the night's review is named by its date (Asia/Shanghai), so Cockpit shows which night it was. */
    @Component("reviewCustomerTiersDelegate")
    static class Nightly implements JavaDelegate {

        private final CustomerService customers;

        Nightly(CustomerService customers) {
            this.customers = customers;
        }

        @Override
        public void execute(DelegateExecution execution) {
            execution.setProcessBusinessKey("tier-review-" + LocalDate.ofInstant(EngineClock.now(), ZoneId.of("Asia/Shanghai")));
            execution.setVariable("customersReviewed", customers.reviewTiers());
        }
    }
}
