package io.crmflow.opportunity;

import java.util.Set;
import java.util.stream.Collectors;

import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/** Row rules for opportunities (docs/product.md §8): the owner, the managers of its region and administrators. */
@Component
class OpportunityAccess {

    private final SalesTeam team;

    OpportunityAccess(SalesTeam team) {
        this.team = team;
    }

    Viewer viewer(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Set<Region> managed = team.regionsManagedBy(user);
        return new Viewer(user.userId(), user.isAdmin(), managed.stream().map(Enum::name).collect(Collectors.toSet()));
    }

    record Viewer(String userId, boolean admin, Set<String> managedRegions) {

        boolean canSee(Opportunity opportunity) {
            return admin || userId.equals(opportunity.ownerId()) || managedRegions.contains(opportunity.region());
        }

        boolean manages(String region) {
            return admin || managedRegions.contains(region);
        }
    }
}
