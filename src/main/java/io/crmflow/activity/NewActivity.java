package io.crmflow.activity;

import java.time.Instant;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * An activity as recorded or corrected: the API's JSON (or the {@code activity} part of a multipart upload), and what a
 * follow-up task's form collects. {@code minutes}: how long it took, at most a day.
 */
record NewActivity(@NotNull ActivityKind kind, @NotNull Instant occurredAt, @Min(0) @Max(1440) Integer minutes,
                   @Size(max = 4000) String note, Long contactId, Long opportunityId) {
}
