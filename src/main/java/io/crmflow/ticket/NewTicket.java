package io.crmflow.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tickets}. */
public record NewTicket(@NotNull Long customerId, @NotNull Severity severity, @NotNull TicketChannel channel,
                        @NotBlank @Size(max = 200) String subject, @NotBlank @Size(max = 4000) String description) {
}
