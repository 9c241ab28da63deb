package io.crmflow.notify;

import static io.crmflow.process.EngineClock.now;

import java.util.List;
import java.util.Map;

import io.crmflow.web.ConflictException;
import io.crmflow.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way features send messages. {@link #send} only writes, inside the caller's transaction: if the change that
 * caused the message rolls back, the message is gone too, and a process step retried by the job executor does not send
 * twice. A message to a person ({@link Channel#IM} or {@link Channel#INBOX}, recipient = user id) lands in their
 * {@link Inbox} at once; email, IM and SMS are queued in the outbox for {@link OutboxDispatcher} where their channel is
 * configured, and skipped where it is not.
 */
@Service
public class Notifications {

    private final NotificationOutbox outbox;
    private final NotificationInbox inbox;
    private final DeliveryChannels channels;

    Notifications(NotificationOutbox outbox, NotificationInbox inbox, DeliveryChannels channels) {
        this.outbox = outbox;
        this.inbox = inbox;
        this.channels = channels;
    }

    /**
     * Keeps the message; false when its idempotency key was seen before. Two transactions racing with the same key:
     * the unique index lets one commit and fails the other, which its caller's retry then finds already sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(Notification notification) {
        boolean kept = false;
        if (notification.channel() == Channel.IM || notification.channel() == Channel.INBOX) {
            kept = inbox.add(notification, now());
        }
        if (channels.isConfigured(notification.channel())) {
            kept = outbox.add(notification, now()) || kept;
        }
        return kept;
    }

    /** What was sent, or is still to be sent, about a record (e.g. {@code lead:42}), by email, IM or SMS. */
    @Transactional(readOnly = true)
    public List<OutboxMessage> about(String reference) {
        return outbox.byReference(reference);
    }

    /** The outbox for administrators, newest first: {@code status} PENDING, SENT, FAILED or null for all. */
    public record OutboxPage(Map<String, Long> counts, List<OutboxMessage> messages) {
    }

    @Transactional(readOnly = true)
    public OutboxPage outbox(OutboxStatus status, int limit, int offset) {
        return new OutboxPage(outbox.counts(), outbox.list(status == null ? null : status.name(), limit, offset));
    }

    /**
     * Makes a pending or failed message due now for one more attempt (after that many failures it is FAILED again at
     * once if this one fails too).
     */
    @Transactional
    public OutboxMessage retry(long id) {
        if (!outbox.exists(id)) {
            throw new NotFoundException("There is no notification " + id + " in the outbox");
        }
        if (!outbox.retry(id, now())) {
            throw new ConflictException("Notification " + id + " was sent already");
        }
        return outbox.get(id);
    }
}
