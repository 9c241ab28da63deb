package io.crmflow.notify;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The channels that can deliver on this installation, decided once at start-up: an unconfigured channel (no SMTP
 * server, no IM robot) is skipped, said in one INFO line, instead of each message failing and being retried.
 */
@Component
class DeliveryChannels {

    private static final Logger log = LoggerFactory.getLogger(DeliveryChannels.class);

    private final Map<Channel, ChannelSender> configured = new EnumMap<>(Channel.class);

    DeliveryChannels(List<ChannelSender> senders) {
        Map<Channel, String> skipped = new EnumMap<>(Channel.class);
        for (ChannelSender sender : senders) {
            String missing = sender.notConfigured();
            if (missing == null) {
                configured.put(sender.channel(), sender);
            } else {
                skipped.put(sender.channel(), missing);
            }
        }
        if (!skipped.isEmpty()) {
            log.info("Notifications go to each person's crmflow inbox; not sent by {}", skipped.entrySet().stream()
                    .map(entry -> entry.getKey() + " (" + entry.getValue() + ")").collect(Collectors.joining(", ")));
        }
    }

    boolean isConfigured(Channel channel) {
        return configured.containsKey(channel);
    }

    Set<Channel> configured() {
        return configured.isEmpty() ? EnumSet.noneOf(Channel.class) : EnumSet.copyOf(configured.keySet());
    }

    ChannelSender sender(Channel channel) {
        return configured.get(channel);
    }
}
