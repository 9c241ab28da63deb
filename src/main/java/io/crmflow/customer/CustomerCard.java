package io.crmflow.customer;

/** A customer as other features need it: name, the tier in force and the account owner. */
public record CustomerCard(long id, String name, CustomerTier tier, String accountOwner) {
}
