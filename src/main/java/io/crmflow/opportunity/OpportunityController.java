package io.crmflow.opportunity;

import java.util.List;
import java.util.Set;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Opportunities", description = "商机 Opportunities opened from qualified leads")
class OpportunityController {

    private final OpportunityService opportunities;
    private final SalesTeam team;

    OpportunityController(OpportunityService opportunities, SalesTeam team) {
        this.opportunities = opportunities;
        this.team = team;
    }

    @GetMapping("/api/opportunities/{id}")
    @Operation(summary = "An opportunity: its owner, the region's manager and administrators see it; anyone else gets 404")
    Opportunity get(@PathVariable long id, Authentication authentication) {
        return visible(id, authentication);
    }

    @GetMapping("/api/opportunities/{id}/timeline")
    @Operation(summary = "The opportunity's append-only timeline")
    List<OpportunityEvent> timeline(@PathVariable long id, Authentication authentication) {
        visible(id, authentication);
        return opportunities.timeline(id);
    }

    private Opportunity visible(long id, Authentication authentication) {
        Opportunity opportunity = opportunities.get(id);
        CurrentUser user = CurrentUser.of(authentication);
        Set<Region> managed = user.isIn(CrmflowGroup.SALES_MANAGER) ? team.regionsManagedBy(user.userId()) : Set.of();
        boolean visible = user.isAdmin() || user.userId().equals(opportunity.ownerId())
                || managed.stream().anyMatch(region -> region.name().equals(opportunity.region()));
        if (!visible) {
            throw new OpportunityNotFoundException(id);
        }
        return opportunity;
    }
}
