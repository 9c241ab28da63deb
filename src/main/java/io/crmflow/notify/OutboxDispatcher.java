package io.crmflow.notify;

import static io.crmflow.process.EngineClock.now;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers due outbox messages. Several nodes may run this at once: a node first claims a message with a conditional
 * update, so each message is delivered by one node; a node that dies holding a claim loses it when the claim
 * expires. Failures are retried with exponential backoff, then marked FAILED.
 */
@Component
public class OutboxDispatcher {

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final NotificationOutbox outbox;
    private final NotifyProperties properties;
    private final DeliveryChannels channels;
    private final String node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    /**
     * Delivered while the database went away, so not yet marked SENT: recorded first thing in a later round, while this
     * node's claim still keeps other nodes off the message (found by DatabaseOutageClusterTest: a warning was delivered
     * twice). Only an outage longer than the claim, or this node dying meanwhile, still lets the message go out again.
     */
    private final Map<Long, Instant> deliveredNotRecorded = new ConcurrentHashMap<>();

    OutboxDispatcher(NotificationOutbox outbox, NotifyProperties properties, DeliveryChannels channels) {
        this.outbox = outbox;
        this.properties = properties;
        this.channels = channels;
    }

    @Scheduled(fixedDelayString = "${crmflow.notify.interval:2s}")
    void dispatchScheduled() {
        dispatchDue();
    }

    /** Delivers what is due now; returns how many messages this node delivered. */
    public int dispatchDue() {
        deliveredNotRecorded.forEach((id, sentAt) -> {
            outbox.markSent(id, sentAt);
            deliveredNotRecorded.remove(id);
        });
        Instant now = now();
        int delivered = 0;
        for (long id : outbox.due(now, properties.batchSize(), channels.configured())) {
            if (outbox.claim(id, node, now, now.plus(properties.claim())) && deliver(outbox.get(id))) {
                delivered++;
            }
        }
        return delivered;
    }

    private boolean deliver(OutboxMessage message) {
        try {
            channels.sender(message.channel()).deliver(message);
        } catch (Exception e) {
            int attempt = message.attempts() + 1;
            boolean giveUp = attempt >= properties.maxAttempts();
            Instant next = now().plus(backoff(attempt));
            outbox.markFailedAttempt(message.id(), e.getMessage(), next, giveUp);
            log.warn("Notification {} ({} to {}) failed, attempt {}{}: {}", message.id(), message.channel(), message.recipient(),
                    attempt, giveUp ? ", giving up" : ", next at " + next, e.getMessage());
            return false;
        }
        Instant sentAt = now();
        try {
            outbox.markSent(message.id(), sentAt);
        } catch (RuntimeException e) {
            deliveredNotRecorded.put(message.id(), sentAt);
            log.warn("Notification {} was delivered but could not be marked sent yet: {}", message.id(), e.getMessage());
        }
        return true;
    }

    private Duration backoff(int attempt) {
        Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempt - 1, 20));
        return wait.compareTo(properties.maxRetryWait()) > 0 ? properties.maxRetryWait() : wait;
    }
}
