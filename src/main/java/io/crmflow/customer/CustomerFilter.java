package io.crmflow.customer;

import io.crmflow.team.Region;

/** What a customer list is narrowed to; null fields do not narrow. {@code q} is part of the name, case and width folded. */
public record CustomerFilter(String owner, Region region, CustomerTier tier, String tag, CustomerLifecycle lifecycle, String q) {
}
