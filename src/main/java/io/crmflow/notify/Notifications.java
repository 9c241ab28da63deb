package io.crmflow.notify;

import static io.crmflow.process.EngineClock.now;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one way features send messages. {@link #send} only writes to the outbox, inside the caller's transaction: if
 * the change that caused the message rolls back, the message is gone too, and a process step retried by the job
 * executor does not send twice. Delivery happens afterwards ({@link OutboxDispatcher}).
 */
@Service
public class Notifications {

    private final NotificationOutbox outbox;

    Notifications(NotificationOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Queues the message; false when its idempotency key was seen before. Two transactions racing with the same key:
     * the unique index lets one commit and fails the other, which its caller's retry then finds already sent.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean send(Notification notification) {
        return outbox.add(notification, now());
    }

    /** What was sent, or is still to be sent, about a record (e.g. {@code lead:42}). */
    @Transactional(readOnly = true)
    public List<OutboxMessage> about(String reference) {
        return outbox.byReference(reference);
    }
}
