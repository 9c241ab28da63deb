package io.crmflow.notify;

import org.springframework.stereotype.Component;

@Component
class SmsSender implements ChannelSender {

    private final SmsProvider provider;

    SmsSender(SmsProvider provider) {
        this.provider = provider;
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    /** Always: without a gateway of the installation's own, {@link LoggingSmsProvider} writes the texts to the log. */
    @Override
    public String notConfigured() {
        return null;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        provider.send(message.recipient(), message.subject() + "：" + message.body());
    }
}
