package io.crmflow.payment;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A payment received and how it was allocated to the installments, oldest first. */
public record Payment(long id, long contractId, BigDecimal amount, LocalDate receivedOn, String reference, String recordedBy,
                      Instant recordedAt, List<Allocation> allocations) {

    /** The part of a payment that went to one installment. */
    public record Allocation(long installmentId, int installmentNumber, BigDecimal amount) {
    }
}
