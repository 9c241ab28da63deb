package io.crmflow.analytics;

import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import io.crmflow.team.Region;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import io.crmflow.web.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Row rules of the numbers (docs/product.md §8): a rep counts only their own records, a sales manager those of their regions,
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
        if (seesEverything(user)) {
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

    /**
     * For the lead pool, whose leads have no owner: a rep sees the pools of the regions in their rep profile (docs/product.md §8),
     * everyone else as in {@link #filter}, without an owner.
     */
    Filter poolFilter(Authentication authentication, Region region) {
        CurrentUser user = CurrentUser.of(authentication);
        if (seesEverything(user) || user.isIn(CrmflowGroup.SALES_MANAGER) || !user.isIn(CrmflowGroup.SALES_REP)) {
            return filter(authentication, region, null);
        }
        Set<String> own = new TreeSet<>();
        team.rep(user.userId()).ifPresent(rep -> rep.regions().forEach(repRegion -> own.add(repRegion.name())));
        if (region != null && !own.contains(region.name())) {
            throw new ForbiddenException("Your pools are those of " + own + ", not " + region);
        }
        return new Filter(region == null ? own : Set.of(region.name()), null);
    }

    /**
     * The regions the dashboard's region filter offers: a manager's regions, a rep's own (their numbers are theirs
     * anyway), every region for those who see everything; the same limits {@link #filter} enforces.
     */
    Set<Region> regionsVisibleTo(CurrentUser user) {
        if (seesEverything(user) || !user.isIn(CrmflowGroup.SALES_MANAGER) && !user.isIn(CrmflowGroup.SALES_REP)) {
            return EnumSet.allOf(Region.class);
        }
        if (user.isIn(CrmflowGroup.SALES_MANAGER)) {
            return team.regionsManagedBy(user.userId());
        }
        return team.rep(user.userId()).map(SalesRep::regions).orElse(Set.of());
    }

    /** Service-desk numbers are for the support agents, their lead, the GM and administrators, not for sales or finance. */
    void requireServiceDesk(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!(user.isAdmin() || user.isIn(CrmflowGroup.GM) || user.isIn(CrmflowGroup.SUPPORT_LEAD) || user.isIn(CrmflowGroup.SUPPORT_AGENT))) {
            throw new ForbiddenException("Service analytics are for the support desk, the GM and administrators");
        }
    }

    private static boolean seesEverything(CurrentUser user) {
        return user.isAdmin() || user.isIn(CrmflowGroup.GM) || user.isIn(CrmflowGroup.FINANCE);
    }
}
