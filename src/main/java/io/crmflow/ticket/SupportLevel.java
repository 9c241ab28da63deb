package io.crmflow.ticket;

/** L1: answered from the knowledge base; L2: support agents; L3: the customer's account owner. */
public enum SupportLevel {
    L1, L2, L3
}
