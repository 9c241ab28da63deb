package io.crmflow.quote;

import static io.crmflow.process.EngineClock.now;

import java.util.List;
import java.util.Set;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.ConflictException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The product catalogue: sales staff and finance read it, administrators maintain it. */
@Service
class ProductCatalog {

    /** Who quotes or approves quotes needs the catalogue; support, legal and the rest do not. */
    private static final Set<CrmflowGroup> READERS = Set.of(CrmflowGroup.SALES_REP, CrmflowGroup.SALES_MANAGER, CrmflowGroup.FINANCE);

    private final ProductRepository products;

    ProductCatalog(ProductRepository products) {
        this.products = products;
    }

    @Transactional(readOnly = true)
    List<Product> list(String category, boolean includeInactive, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.isAdmin() && READERS.stream().noneMatch(user::isIn)) {
            throw new ForbiddenException("The product catalogue is for sales staff and finance");
        }
        return products.findAll(category == null || category.isBlank() ? null : category.trim(), !includeInactive);
    }

    @Transactional
    Product create(ProductRequest request, Authentication authentication) {
        requireAdmin(authentication);
        requireFreeSku(request, 0);
        return get(products.insert(request, now()));
    }

    @Transactional
    Product replace(long id, ProductRequest request, Authentication authentication) {
        requireAdmin(authentication);
        get(id);
        requireFreeSku(request, id);
        products.update(id, request, now());
        return get(id);
    }

    private Product get(long id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("Product " + id + " does not exist"));
    }

    private void requireFreeSku(ProductRequest request, long exceptId) {
        if (products.skuTaken(request.sku(), exceptId)) {
            throw new ConflictException("Another product already has SKU " + request.sku().trim());
        }
    }

    private static void requireAdmin(Authentication authentication) {
        if (!CurrentUser.of(authentication).isAdmin()) {
            throw new ForbiddenException("Only administrators maintain the product catalogue");
        }
    }
}
