package io.crmflow.customer;

import java.net.URI;
import java.util.List;

import io.crmflow.team.Region;
import io.crmflow.web.CsvUploads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customers")
@Validated
@Tag(name = "Customers", description = "客户与联系人 Customers and contacts (docs/product.md §12)")
class CustomerController {

    private final CustomerService customers;
    private final CustomerCsvImport csvImport;
    private final CustomerAccess access;

    CustomerController(CustomerService customers, CustomerCsvImport csvImport, CustomerAccess access) {
        this.customers = customers;
        this.csvImport = csvImport;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Enter a customer", description = "A rep owns what they enter; a manager names the owner (a rep of the region). "
            + "409 naming the existing customer when the name folds to one already there or the credit code is taken; "
            + "400 naming creditCode when its check character is wrong")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Customer> create(@Valid @RequestBody NewCustomer request, Authentication user) {
        Customer created = customers.create(request, access.viewer(user));
        return ResponseEntity.created(URI.create("/api/customers/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Customers the caller may see, newest first, with the total count",
            description = "q: part of the name. Reps see their own, managers their regions', support and finance all")
    CustomerPage list(@RequestParam(required = false) @Size(max = 64) String owner, @RequestParam(required = false) Region region,
                      @RequestParam(required = false) CustomerTier tier, @RequestParam(required = false) @Size(max = 50) String tag,
                      @RequestParam(required = false) CustomerLifecycle lifecycle, @RequestParam(required = false) @Size(max = 200) String q,
                      @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size, Authentication user) {
        return customers.list(new CustomerFilter(blankToNull(owner), region, tier, blankToNull(tag), lifecycle, blankToNull(q)),
                access.viewer(user), page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "The customer with its contacts, the decisions that set its tier and lifecycle, and its opportunities",
            description = "Opportunities for the owner, the region's manager and administrators; contacts masked as for /contacts")
    CustomerOverview get(@PathVariable long id, Authentication user) {
        return customers.overview(id, access.viewer(user));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Correct a customer (owner or the region's manager; only the manager changes the owner)")
    Customer update(@PathVariable long id, @Valid @RequestBody NewCustomer request, Authentication user) {
        return customers.update(id, request, access.viewer(user));
    }

    @PostMapping(path = "/import", consumes = "text/csv")
    @Operation(summary = "Import customers from CSV", description = "Header row with columns name, creditCode, industry, region, address, "
            + "owner (name and region required). Each row is entered like POST /api/customers; the report lists created and "
            + "rejected rows with line numbers. A malformed file is refused as a whole (400) and nothing is written.")
    ResponseEntity<?> importCustomers(@RequestBody String csv, Authentication user) {
        CustomerImportReport report = csvImport.importCustomers(csv, access.viewer(user));
        return CsvUploads.answer(report, report.created(), report.rejected(), report.rows());
    }

    @GetMapping("/{id}/decisions")
    @Operation(summary = "Every tier and lifecycle decision about the customer, with inputs, matched rows and rule-set version")
    List<CustomerDecision> decisions(@PathVariable long id, Authentication user) {
        return customers.decisions(id, access.viewer(user));
    }

    @PutMapping("/{id}/tier-pin")
    @Operation(summary = "The region's manager pins the customer's tier with a reason; it wins over rules/customer-tier.dmn")
    Customer pin(@PathVariable long id, @Valid @RequestBody TierPin pin, Authentication user) {
        return customers.pinTier(id, pin, access.viewer(user));
    }

    @DeleteMapping("/{id}/tier-pin")
    @Operation(summary = "Take the pin back: the table's tier is in force again")
    Customer unpin(@PathVariable long id, Authentication user) {
        return customers.pinTier(id, null, access.viewer(user));
    }

    @PutMapping("/{id}/tags")
    @Operation(summary = "Tag the customer (owner or the region's manager) with tags from the managers' list (GET /api/customer-tags)")
    Customer tag(@PathVariable long id, @Valid @RequestBody CustomerTagsRequest request, Authentication user) {
        return customers.tag(id, request.tags(), access.viewer(user));
    }

    // ------------------------------------------------------------------------------------------ contacts

    @PostMapping("/{id}/contacts")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ContactView> addContact(@PathVariable long id, @Valid @RequestBody NewContact contact, Authentication user) {
        ContactView created = customers.addContact(id, contact, access.viewer(user));
        return ResponseEntity.created(URI.create("/api/customers/" + id + "/contacts/" + created.id())).body(created);
    }

    @GetMapping("/{id}/contacts")
    @Operation(summary = "The customer's contacts; phone, email and WeChat masked unless the caller owns the customer or manages its region")
    List<ContactView> contacts(@PathVariable long id, Authentication user) {
        return customers.contacts(id, access.viewer(user));
    }

    @GetMapping("/{id}/contacts/{contactId}")
    ContactView contact(@PathVariable long id, @PathVariable long contactId, Authentication user) {
        return customers.visibleContact(id, contactId, access.viewer(user));
    }

    @PutMapping("/{id}/contacts/{contactId}")
    ContactView updateContact(@PathVariable long id, @PathVariable long contactId, @Valid @RequestBody NewContact contact,
                              Authentication user) {
        return customers.updateContact(id, contactId, contact, access.viewer(user));
    }

    @PostMapping(path = "/{id}/contacts/import", consumes = "text/csv")
    @Operation(summary = "Import the customer's contacts from CSV", description = "Header row with columns name, role, title, phone, "
            + "email, wechat (name required); same report and rules as the customer import")
    ResponseEntity<?> importContacts(@PathVariable long id, @RequestBody String csv, Authentication user) {
        CustomerImportReport report = csvImport.importContacts(id, csv, access.viewer(user));
        return CsvUploads.answer(report, report.created(), report.rejected(), report.rows());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
