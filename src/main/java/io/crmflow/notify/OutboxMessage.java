package io.crmflow.notify;

import java.time.Instant;

/** A notification as stored in the outbox, with its delivery state. */
public record OutboxMessage(long id, Channel channel, String recipient, String subject, String body, String reference,
                            String status, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt,
                            Instant sentAt) {
}
