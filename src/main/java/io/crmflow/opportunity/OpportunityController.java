package io.crmflow.opportunity;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/opportunities")
@Validated
@Tag(name = "Opportunities", description = "商机 Opportunities and their stages (docs/product.md §3.5)")
class OpportunityController {

    private final OpportunityService opportunities;
    private final OpportunityAccess access;

    OpportunityController(OpportunityService opportunities, OpportunityAccess access) {
        this.opportunities = opportunities;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Enter an opportunity", description = "Starts at INITIAL_CONTACT with its process; owner defaults to the caller "
            + "(a manager may name a rep of the region)")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<Opportunity> create(@Valid @RequestBody NewOpportunity request, Authentication user) {
        Opportunity created = opportunities.create(request, access.viewer(user));
        return ResponseEntity.created(URI.create("/api/opportunities/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(summary = "Opportunities the caller may see; idle=true is the managers' board of opportunities idle twice in a row")
    List<Opportunity> list(@RequestParam(required = false) OpportunityStage stage, @RequestParam(required = false) Boolean idle,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(500) int limit,
                           @RequestParam(defaultValue = "0") @Min(0) int offset, Authentication user) {
        return opportunities.list(access.viewer(user), stage, idle, limit, offset);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An opportunity: its owner, the region's manager and administrators see it; anyone else gets 404")
    Opportunity get(@PathVariable long id, Authentication user) {
        return opportunities.visible(id, access.viewer(user));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Record details (contact, meeting note, requirements, budget, decision maker, amount, close date)",
            description = "Only given fields change. Counts as an update: the opportunity is no longer idle.")
    Opportunity update(@PathVariable long id, @Valid @RequestBody OpportunityDetails details, Authentication user) {
        return opportunities.recordDetails(id, details, access.viewer(user));
    }

    @PostMapping("/{id}/stage")
    @Operation(summary = "Move to the next stage or to LOST", description = "Same as completing the stage task in Tasklist. 422 names "
            + "what the current stage still needs (rules/opportunity-stage.dmn), or a missing loss reason; 409 when closed.")
    Opportunity move(@PathVariable long id, @Valid @RequestBody StageMove move, Authentication user) {
        return opportunities.requestMove(id, move, access.viewer(user));
    }

    @GetMapping("/{id}/timeline")
    @Operation(summary = "The opportunity's append-only timeline")
    List<OpportunityEvent> timeline(@PathVariable long id, Authentication user) {
        opportunities.visible(id, access.viewer(user));
        return opportunities.timeline(id);
    }
}
