package io.crmflow.audit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.web.BadRequestException;
import io.crmflow.web.ForbiddenException;
import io.crmflow.web.NotFoundException;
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
@Tag(name = "Audit", description = "审计 Who changed which field, when, from what to what (administrators; managers for one record they may see)")
class AuditController {

    private static final Set<CrmflowGroup> MANAGERS = Set.of(CrmflowGroup.SALES_MANAGER, CrmflowGroup.SUPPORT_LEAD);

    private final AuditTrail audit;
    private final AuditChain chain;
    private final Map<String, AuditedRecords> recordsByEntity;

    AuditController(AuditTrail audit, AuditChain chain, List<AuditedRecords> audited) {
        this.audit = audit;
        this.chain = chain;
        this.recordsByEntity = audited.stream().collect(Collectors.toUnmodifiableMap(AuditedRecords::entity, Function.identity()));
    }

    @GetMapping("/api/audit")
    @Operation(summary = "The append-only audit log, newest first", description = "Filter by entity (lead, opportunity, quote, "
            + "contract, ticket, sales_rep, region_manager…), record id (id, or entityId) and actor. Administrators read all of it; "
            + "sales managers and support leads the history of one record (entity and id) they may see, else 404 like the record.")
    List<AuditEntry> find(@RequestParam(required = false) @Size(max = 30) String entity,
                          @RequestParam(required = false) @Size(max = 64) String id,
                          @RequestParam(required = false) @Size(max = 64) String entityId,
                          @RequestParam(required = false) @Size(max = 100) String actor,
                          @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit,
                          @RequestParam(defaultValue = "0") @Min(0) int offset, Authentication user) {
        if (id != null && entityId != null && !id.equals(entityId)) {
            throw new BadRequestException("id", "id and entityId name the same thing: give one of them");
        }
        String recordId = id != null ? id : entityId;
        if (!CurrentUser.of(user).isAdmin()) {
            requireManagerOfRecord(entity, recordId, user);
        }
        return audit.find(entity, recordId, actor, limit, offset);
    }

    private void requireManagerOfRecord(String entity, String recordId, Authentication user) {
        CurrentUser caller = CurrentUser.of(user);
        AuditedRecords records = entity == null ? null : recordsByEntity.get(entity);
        if (MANAGERS.stream().noneMatch(caller::isIn) || records == null || recordId == null) {
            throw new ForbiddenException("Only administrators may read the audit log; managers may read the history of one "
                    + "lead, opportunity, quote, contract or ticket they can see (entity and id)");
        }
        long numericId;
        try {
            numericId = Long.parseLong(recordId);
        } catch (NumberFormatException notAnId) {
            throw new NotFoundException("There is no " + entity + " " + recordId);
        }
        records.requireVisible(numericId, user);
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
