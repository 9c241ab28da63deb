package io.crmflow.ticket;

/** Ticket priority decided by {@code rules/ticket-priority.dmn}; P3 and P4 may be answered from the knowledge base (L1). */
public enum Priority {
    P1, P2, P3, P4;

    boolean allowsKnowledgeBaseAnswer() {
        return this == P3 || this == P4;
    }
}
