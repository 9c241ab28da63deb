package io.crmflow.notify;

/**
 * A message to one recipient. {@code reference} ties it to the record it is about (e.g. {@code lead:42}) so that what
 * was sent about a record can be looked up. {@code idempotencyKey} names the event (e.g. {@code approval:17:reminder:2}):
 * a second message with the same key is dropped, so an event raised twice is still sent once; null = no such check.
 */
public record Notification(Channel channel, String recipient, String subject, String body, String reference,
                           String idempotencyKey) {

    public Notification(Channel channel, String recipient, String subject, String body, String reference) {
        this(channel, recipient, subject, body, reference, null);
    }


    public Notification {
        if (channel == null || recipient == null || recipient.isBlank() || subject == null || body == null) {
            throw new IllegalArgumentException("A notification needs a channel, a recipient, a subject and a body");
        }
    }
}
