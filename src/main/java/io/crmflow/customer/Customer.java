package io.crmflow.customer;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.crmflow.team.Industry;
import io.crmflow.team.Region;

/**
 * A stored customer. {@code tier} is the tier in force: {@code pinnedTier} when a manager pinned one, else
 * {@code decidedTier} from rules/customer-tier.dmn.
 */
record Customer(long id, String name, @JsonIgnore String nameKey, String creditCode, Industry industry, Region region, String address,
                String owner, CustomerTier tier, CustomerTier decidedTier, CustomerTier pinnedTier, String pinReason,
                String pinnedBy, CustomerLifecycle lifecycle, List<String> tags, String createdBy, Instant createdAt, Instant updatedAt) {

    Customer withTags(List<String> tags) {
        return new Customer(id, name, nameKey, creditCode, industry, region, address, owner, tier, decidedTier, pinnedTier, pinReason,
                pinnedBy, lifecycle, List.copyOf(tags), createdBy, createdAt, updatedAt);
    }

    CustomerCard card() {
        return new CustomerCard(id, name, tier, owner);
    }
}
