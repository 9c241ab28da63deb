package io.crmflow.ticket;

public record Customer(long id, String name, CustomerTier tier, String accountOwner) {
}
