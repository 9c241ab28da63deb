package io.crmflow.audit;

import java.util.List;

import io.crmflow.security.CurrentUser;
import io.crmflow.web.ForbiddenException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@Tag(name = "Audit", description = "审计 Who changed which field, when, from what to what (administrators)")
class AuditController {

    private final AuditTrail audit;
    private final AuditChain chain;

    AuditController(AuditTrail audit, AuditChain chain) {
        this.audit = audit;
        this.chain = chain;
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The append-only audit log, newest first", description = "Filter by entity (lead, opportunity, sales_rep, "
            + "region_manager), entity id and actor.")
    List<AuditEntry> find(@RequestParam(required = false) @Size(max = 30) String entity,
                          @RequestParam(required = false) @Size(max = 64) String entityId,
                          @RequestParam(required = false) @Size(max = 100) String actor,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset, Authentication user) {
        requireAdmin(user);
        return audit.find(entity, entityId, actor, limit, offset);
    }

    @GetMapping("/api/audit/verify")
    @Operation(summary = "Seal what is pending, then recompute the hash chain of the audit log (administrators)",
            description = "valid=false names the first seal that does not verify: an entry changed or deleted in the database, or a "
                    + "seal removed. headHash, kept elsewhere, shows later whether the chain was cut off at the end.")
    AuditChain.Verification verify(Authentication user) {
        requireAdmin(user);
        try {
            chain.sealPending();
        } catch (DuplicateKeyException anotherNodeSealedFirst) {
            // What is pending was sealed by the other sealer a moment ago; the check covers it all the same.
        }
        return chain.check();
    }

    private static void requireAdmin(Authentication user) {
        if (!CurrentUser.of(user).isAdmin()) {
            throw new ForbiddenException("Only administrators may read the audit log");
        }
    }
}
