package io.crmflow.notify;

/**
 * A message to one recipient. {@code reference} ties it to the record it is about (e.g. {@code lead:42}) so that what
 * was sent about a record can be looked up.
 */
public record Notification(Channel channel, String recipient, String subject, String body, String reference) {

    public Notification {
        if (channel == null || recipient == null || recipient.isBlank() || subject == null || body == null) {
            throw new IllegalArgumentException("A notification needs a channel, a recipient, a subject and a body");
        }
    }
}
