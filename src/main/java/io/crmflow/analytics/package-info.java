/**
 * Managers' analytics (docs/product.md §7): read-only SQL aggregates over the features' tables (the database does the counting,
 * helped by indexes), filtered by the row rules of {@link io.crmflow.analytics.AnalyticsScope}, and the dashboard page.
 */
package io.crmflow.analytics;
