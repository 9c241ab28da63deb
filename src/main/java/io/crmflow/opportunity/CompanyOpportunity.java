package io.crmflow.opportunity;

import java.math.BigDecimal;

/** An opportunity as other features see it in a customer's history. */
public record CompanyOpportunity(long id, String name, String stage, BigDecimal amount, String ownerId) {
}
