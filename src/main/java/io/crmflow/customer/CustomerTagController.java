package io.crmflow.customer;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/customer-tags")
@Validated
@Tag(name = "Customers", description = "客户与联系人 Customers and contacts (docs/product.md §12)")
class CustomerTagController {

    private final CustomerService customers;
    private final CustomerAccess access;

    CustomerTagController(CustomerService customers, CustomerAccess access) {
        this.customers = customers;
        this.access = access;
    }

    @GetMapping
    @Operation(summary = "The tags managers offer for customers")
    List<TagOption> list() {
        return customers.tagOptions();
    }

    @PostMapping
    @Operation(summary = "A manager adds a tag to the list (409 if it is there)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<TagOption> add(@Valid @RequestBody TagOption option, Authentication user) {
        TagOption added = customers.addTagOption(option, access.viewer(user));
        return ResponseEntity.created(URI.create("/api/customer-tags")).body(added);
    }

    @DeleteMapping("/{name}")
    @Operation(summary = "A manager takes a tag off the list (409 while customers carry it)")
    ResponseEntity<Void> remove(@PathVariable @Size(max = 50) String name, Authentication user) {
        customers.removeTagOption(name, access.viewer(user));
        return ResponseEntity.noContent().build();
    }
}
