package io.crmflow.team;

/** Customer industries the sales team specialises in. */
public enum Industry {
    HOSPITAL, PHARMACY, CLINIC, DISTRIBUTOR
}
