package io.crmflow.ticket;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** {@code POST /api/tickets}. */
public record NewTicket(@NotNull @Schema(example = "1") Long customerId, @NotNull @Schema(example = "HIGH") Severity severity, @NotNull @Schema(example = "PHONE") TicketChannel channel,
                        @NotBlank @Size(max = 200) @Schema(example = "监护仪报警 Monitor alarm keeps sounding") String subject, @NotBlank @Size(max = 4000) @Schema(example = "Ward 3: the ECG monitor alarms every few minutes since the update.") String description) {
}
