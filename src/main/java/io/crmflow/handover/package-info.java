/**
 * Handover of a leaving rep's whole book (离职交接, docs/product.md §14): the {@code rep-handover} process, its preview and
 * the one transaction that moves everything. The modules that own records take part through {@link io.crmflow.handover.OwnedRecords};
 * the lead module proposes successors through {@link io.crmflow.handover.SuccessorRules}. This module depends on none of them.
 */
package io.crmflow.handover;
