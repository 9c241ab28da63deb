package io.crmflow.lead;

import java.util.Collection;
import java.util.Set;

import io.crmflow.notify.Channel;
import io.crmflow.team.Region;
import io.crmflow.team.SalesRep;
import io.crmflow.team.SalesTeam;
import io.crmflow.security.CrmflowGroup;
import io.crmflow.security.CurrentUser;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Row and field rules for leads (docs/product.md §8): a rep sees own leads and the pool of own regions, a manager the leads of
 * their regions, an administrator everything; phone and email are shown in full only to the owner, the region's
 * manager and administrators.
 */
@Component
class LeadAccess {

    private final SalesTeam team;

    LeadAccess(SalesTeam team) {
        this.team = team;
    }

    Viewer viewer(Authentication authentication) {
        return viewer(CurrentUser.of(authentication));
    }

    Viewer viewer(CurrentUser user) {
        Set<Region> managed = team.regionsManagedBy(user);
        Set<Region> repRegions = user.isIn(CrmflowGroup.SALES_REP)
                ? team.rep(user.userId()).map(SalesRep::regions).orElse(Set.of())
                : Set.of();
        return new Viewer(user.userId(), user.isAdmin(), managed, repRegions);
    }

    /** Who is asking, with the regions their role gives them. */
    record Viewer(String userId, boolean admin, Set<Region> managedRegions, Set<Region> repRegions) {

        boolean canSee(Lead lead) {
            return admin || managedRegions.contains(lead.region()) || userId.equals(lead.ownerId())
                    || lead.status() == LeadStatus.IN_POOL && repRegions.contains(lead.region());
        }

        /** May do the lead's steps (contact, qualify): the people who see it in full. */
        boolean canWork(Lead lead) {
            return seesContactDetails(lead);
        }

        boolean seesContactDetails(Lead lead) {
            return admin || managedRegions.contains(lead.region()) || userId.equals(lead.ownerId());
        }

        boolean manages(Region region) {
            return admin || managedRegions.contains(region);
        }

        boolean isRepIn(Region region) {
            return repRegions.contains(region);
        }

        Collection<String> managedRegionNames() {
            return managedRegions.stream().map(Enum::name).toList();
        }

        Collection<String> repRegionNames() {
            return repRegions.stream().map(Enum::name).toList();
        }
    }

    static String maskPhone(String phone) {
        return ContactMasks.phone(phone);
    }

    static String maskEmailOrPhone(Channel channel, String contact) {
        return channel == Channel.EMAIL ? maskEmail(contact) : maskPhone(contact);
    }

    static String maskEmail(String email) {
        return ContactMasks.email(email);
    }
}
