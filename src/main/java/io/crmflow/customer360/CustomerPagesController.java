package io.crmflow.customer360;

import io.crmflow.customer.CustomerFilter;
import io.crmflow.customer.CustomerLifecycle;
import io.crmflow.customer.CustomerLookup;
import io.crmflow.customer.CustomerPage;
import io.crmflow.customer.CustomerTier;
import io.crmflow.team.Region;
import io.swagger.v3.oas.annotations.Hidden;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The customer list ({@code /customers}) and customer 360 ({@code /customers/{id}}) pages, static files under
 * {@code static/customers}, and their data under the same session as the dashboard: {@code /customers/data} lists with
 * the filters of {@code GET /api/customers}, {@code /customers/data/{id}} is the 360 view (404 when the user may not see
 * the customer, exactly as the API).
 */
@Controller
@Hidden
@Validated
class CustomerPagesController {

    private final CustomerLookup customers;
    private final Customer360 customer360;

    CustomerPagesController(CustomerLookup customers, Customer360 customer360) {
        this.customers = customers;
        this.customer360 = customer360;
    }

    @GetMapping("/customers")
    String listPage() {
        return "forward:/customers/index.html";
    }

    /**
     * The page is the same for every customer and its script asks for the data. A customer the user may not see (or none at
     * all: the same answer, so the page does not tell which) gets the "not found or not yours" page instead, so the browser
     * never asks for data it is refused. That page is a page like any other for the person (200): a 404 status on it would
     * show in the browser as a failed load; the data and the API answer 404.
     */
    @GetMapping("/customers/{id:\\d+}")
    String customerPage(@PathVariable long id, Authentication user) {
        return customers.mayView(id, user) ? "forward:/customers/customer.html" : "forward:/customers/not-found.html";
    }

    @GetMapping("/customers/data")
    @ResponseBody
    CustomerPage list(@RequestParam(required = false) @Size(max = 64) String owner, @RequestParam(required = false) Region region,
                      @RequestParam(required = false) CustomerTier tier, @RequestParam(required = false) @Size(max = 50) String tag,
                      @RequestParam(required = false) CustomerLifecycle lifecycle, @RequestParam(required = false) @Size(max = 200) String q,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Authentication user) {
        return customers.list(new CustomerFilter(blankToNull(owner), region, tier, blankToNull(tag), lifecycle, blankToNull(q)), user, page, size);
    }

    @GetMapping("/customers/data/{id}")
    @ResponseBody
    Customer360.View customer(@PathVariable long id, Authentication user) {
        return customer360.view(id, user);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
