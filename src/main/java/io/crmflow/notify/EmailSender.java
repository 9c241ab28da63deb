package io.crmflow.notify;

import jakarta.mail.internet.MimeMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/** Email over SMTP ({@code spring.mail.*}); without an SMTP host there is no email, only the inbox and the other channels. */
@Component
class EmailSender implements ChannelSender {

    private final ObjectProvider<JavaMailSender> mail;
    private final NotifyProperties properties;

    EmailSender(ObjectProvider<JavaMailSender> mail, NotifyProperties properties) {
        this.mail = mail;
        this.properties = properties;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String notConfigured() {
        return mail.getIfAvailable() == null ? "no SMTP server (spring.mail.host)" : null;
    }

    @Override
    public void deliver(OutboxMessage message) throws Exception {
        JavaMailSender sender = mail.getObject();
        MimeMessage mime = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, "UTF-8");
        helper.setFrom(properties.from());
        helper.setTo(message.recipient());
        helper.setSubject(message.subject());
        helper.setText(message.body());
        sender.send(mime);
    }
}
