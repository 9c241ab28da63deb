package io.crmflow.notify;

/** Delivers messages of one channel; throws when delivery failed and should be retried. */
interface ChannelSender {

    Channel channel();

    void deliver(OutboxMessage message) throws Exception;
}
