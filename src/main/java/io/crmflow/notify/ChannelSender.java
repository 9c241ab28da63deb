package io.crmflow.notify;

/** Delivers messages of one channel; throws when delivery failed and should be retried. */
interface ChannelSender {

    Channel channel();

    /**
     * Why this channel cannot deliver here (e.g. "no SMTP server (spring.mail.host)"), or null when it can. Messages of
     * an unconfigured channel are not queued: the recipient's inbox has them.
     */
    String notConfigured();

    void deliver(OutboxMessage message) throws Exception;
}
