package io.crmflow.analytics;

import java.util.Set;
import java.util.TreeSet;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Row rules of the numbers (SPEC §8): a rep counts only their own records, a sales manager those of their regions,
 * finance, the GM and administrators everything. A filter outside what the caller may see is refused, not ignored.
 */
@Component
class AnalyticsScope {

    private final SalesTeam team;

    AnalyticsScope(SalesTeam team) {
        this.team = team;
    }

    /** The caller's scope narrowed by the request's filters; {@code regions} null = every region, {@code owner} null = everyone. */
    record Filter(Set<String> regions, String owner) {

        /**
         * " and …" conditions on the columns holding region and owner, with parameters {@code :regions} and {@code :owner};
         * space on both sides, so that it joins the SQL around it.
         */
        String where(String regionColumn, String ownerColumn) {
            return (regions == null ? "" : " and " + regionColumn + " in (:regions)") + (owner == null ? "" : " and " + ownerColumn + " = :owner")
                    + " ";
        }

        /** Whether anything narrows the rows; without a filter, queries over the stage history need not join opportunities. */
        boolean narrows() {
            return regions != null || owner != null;
        }

        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement) {
            JdbcClient.StatementSpec bound = statement;
            if (regions != null) {
                bound = bound.param("regions", regions.isEmpty() ? Set.of("-") : regions);
            }
            if (owner != null) {
                bound = bound.param("owner", owner);
            }
            return bound;
        }
    }

    Filter filter(Authentication authentication, Region region, String owner) {
        CurrentUser user = CurrentUser.of(authentication);
        Set<String> regions = region == null ? null : Set.of(region.name());
        if (user.isAdmin() || user.isIn(CrmflowGroup.GM) || user.isIn(CrmflowGroup.FINANCE)) {
            return new Filter(regions, owner);
        }
        if (user.isIn(CrmflowGroup.SALES_MANAGER)) {
            Set<String> managed = new TreeSet<>();
            team.regionsManagedBy(user.userId()).forEach(managedRegion -> managed.add(managedRegion.name()));
            if (region != null && !managed.contains(region.name())) {
                throw new ForbiddenException("You manage " + managed + ", not " + region);
            }
            return new Filter(regions == null ? managed : regions, owner);
        }
        if (user.isIn(CrmflowGroup.SALES_REP)) {
            if (owner != null && !owner.equals(user.userId())) {
                throw new ForbiddenException("A sales rep sees their own numbers only");
            }
            return new Filter(regions, user.userId());
        }
        throw new ForbiddenException("Analytics are for sales staff, finance, the GM and administrators");
    }
}
