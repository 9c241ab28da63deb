package io.crmflow.ticket;

/** PROPOSED by an agent, APPROVED (used by L1) or REJECTED by the support lead; RETIRED when deleted. */
public enum KbArticleStatus {
    PROPOSED, APPROVED, REJECTED, RETIRED
}
