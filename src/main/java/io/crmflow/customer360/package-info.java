/**
 * The customer 360 page (docs/product.md §12): one customer with everything the features know about it — its leads,
 * opportunities, quotes, contracts, outstanding installments, tickets, churn warnings and one merged timeline. It sits
 * above the features (tickets depend on customers, so the customer feature cannot read tickets): the profile comes
 * through {@link io.crmflow.customer.CustomerLookup}, the rest by read-only SQL over the features' tables, each section
 * only for the roles that may read it.
 */
package io.crmflow.customer360;
