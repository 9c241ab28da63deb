package io.crmflow.customer360;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Customers", description = "客户与联系人 Customers and contacts (docs/product.md §12)")
class Customer360Controller {

    private final Customer360 customer360;

    Customer360Controller(Customer360 customer360) {
        this.customer360 = customer360;
    }

    @GetMapping("/api/customers/{id}/360")
    @Operation(summary = "Everything about one customer: profile, contacts, decisions, leads, opportunities, quotes, contracts, "
            + "outstanding installments, tickets with SLA outcomes, churn warnings, one timeline newest first",
            description = "Owner, the region's manager and administrators see every section; support the tickets; finance contracts and "
                    + "installments; sections a caller may not read are left out. 404 when the caller may not see the customer")
    Customer360.View customer(@PathVariable long id, Authentication user) {
        return customer360.view(id, user);
    }
}
