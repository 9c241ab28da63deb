/**
 * Payment collection (docs/product.md §3.8): installment plans of approved contracts, payments allocated to the oldest open
 * installments, and the {@code payment-collection} process with its reminder and dunning ladder.
 */
package io.crmflow.payment;
