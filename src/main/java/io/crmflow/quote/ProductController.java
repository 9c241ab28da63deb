package io.crmflow.quote;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
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
@RequestMapping("/api/products")
@Tag(name = "Products", description = "产品 Product catalogue: list prices (CNY) and stock")
class ProductController {

    private final ProductCatalog catalog;

    ProductController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Products, by category and name; sales staff, finance and administrators")
    List<Product> list(@RequestParam(required = false) String category, @RequestParam(defaultValue = "false") boolean includeInactive,
                       Authentication user) {
        return catalog.list(category, includeInactive, user);
    }

    @PostMapping
    @Operation(summary = "Add a product (administrators); 409 for a SKU in use")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Product> create(@Valid @RequestBody ProductRequest product, Authentication user) {
        Product created = catalog.create(product, user);
        return ResponseEntity.created(URI.create("/api/products/" + created.id())).body(created);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a product's data, e.g. price or stock (administrators); quotes keep what they offered")
    Product replace(@PathVariable long id, @Valid @RequestBody ProductRequest product, Authentication user) {
        return catalog.replace(id, product, user);
    }
}
