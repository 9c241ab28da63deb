package io.crmflow.notify;

import static io.crmflow.process.EngineClock.now;

import java.util.List;

import io.crmflow.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each person's in-app notifications (docs/product.md §10): approval reminders, SLA warnings, handovers, cadence alerts,
 * whatever {@link Notifications#send} addressed to them by user id. Nobody reads another person's inbox.
 */
@Service
public class Inbox {

    private final NotificationInbox inbox;

    Inbox(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    /** What {@code userId} was told, newest first, and how much of it is unread. */
    public record Page(long unread, List<InboxMessage> messages) {
    }

    @Transactional(readOnly = true)
    public Page of(String userId, boolean unreadOnly, int limit, int offset) {
        return new Page(inbox.unread(userId), inbox.of(userId, unreadOnly, limit, offset));
    }

    @Transactional(readOnly = true)
    public long unread(String userId) {
        return inbox.unread(userId);
    }

    /** @throws NotFoundException when {@code userId} has no message {@code id} (someone else's looks the same) */
    @Transactional
    public void markRead(String userId, long id) {
        if (!inbox.markRead(userId, id, now())) {
            throw new NotFoundException("You have no notification " + id);
        }
    }

    /** Returns how many were unread. */
    @Transactional
    public int markAllRead(String userId) {
        return inbox.markAllRead(userId, now());
    }
}
