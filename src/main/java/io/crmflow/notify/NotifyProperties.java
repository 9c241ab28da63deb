package io.crmflow.notify;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param from         sender address of emails
 * @param imWebhookUrl the IM robot's webhook (WeCom/DingTalk style); empty = no IM messages, the inbox has them
 * @param interval     how often a node looks for due messages
 * @param batchSize    messages a node takes per look
 * @param claim        how long a node owns a message it took; after that another node may deliver it
 * @param firstRetry   wait after the first failure; doubled after each further failure, at most {@code maxRetryWait}
 * @param maxRetryWait longest wait between two attempts
 * @param maxAttempts  attempts before a message is marked FAILED
 */
@ConfigurationProperties("crmflow.notify")
public record NotifyProperties(@DefaultValue("crmflow@localhost") String from, URI imWebhookUrl,
                               @DefaultValue("2s") Duration interval, @DefaultValue("20") int batchSize,
                               @DefaultValue("60s") Duration claim, @DefaultValue("30s") Duration firstRetry,
                               @DefaultValue("1h") Duration maxRetryWait, @DefaultValue("8") int maxAttempts) {
}
