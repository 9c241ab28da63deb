package io.crmflow.ticket;

/** Service tier of a customer; with the severity it decides a ticket's priority. */
public enum CustomerTier {
    A, B, C
}
