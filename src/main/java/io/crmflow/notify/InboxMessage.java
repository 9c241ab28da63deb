package io.crmflow.notify;

import java.time.Instant;

/** A notification in a person's inbox; {@code readAt} null = unread. */
public record InboxMessage(long id, String subject, String body, String reference, Instant createdAt, Instant readAt) {
}
