package io.crmflow.lead;

import static io.crmflow.process.EngineClock.now;

import java.time.Instant;

import io.crmflow.notify.Channel;
import io.crmflow.notify.Notification;
import io.crmflow.notify.Notifications;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** A lead not worth a rep's time yet: parked, touched on day 1, 3 and 7 through the notification outbox. */
@Component
class LeadNurturing {

    private final LeadRepository leads;
    private final LeadHistory history;
    private final Notifications notifications;

    LeadNurturing(LeadRepository leads, LeadHistory history, Notifications notifications) {
        this.leads = leads;
        this.history = history;
        this.notifications = notifications;
    }

    @Transactional
    void start(long leadId, String grade) {
        Instant now = now();
        leads.changeStatus(leadId, LeadStatus.NURTURING, now, "process");
        history.recordEvent(leadId, "NURTURE_STARTED", "grade " + grade + ": touches on day 1, 3, 7, re-score on day 30", "process", now);
    }

    /** Emails go to the lead's address, IM messages to the number their WeChat is registered with. */
    @Transactional
    void touch(long leadId, int day, Channel channel) {
        Lead lead = leads.findById(leadId).orElseThrow(() -> new LeadNotFoundException(leadId));
        String recipient = channel == Channel.EMAIL ? lead.email() : lead.phone();
        if (recipient == null || recipient.isBlank()) {
            history.recordEvent(leadId, "NURTURE_TOUCH", "day " + day + " via " + channel + " skipped: the lead has no "
                    + (channel == Channel.EMAIL ? "email address" : "phone number"), "process", now());
            return;
        }
        String greeting = lead.company() == null ? lead.name() : lead.name() + "（" + lead.company() + "）";
        notifications.send(new Notification(channel, recipient, subject(day),
                greeting + "，您好！" + body(day) + "\n\nHello " + lead.name() + ", " + englishBody(day), "lead:" + leadId));
        history.recordEvent(leadId, "NURTURE_TOUCH", "day " + day + " via " + channel + " to " + LeadAccess.maskEmailOrPhone(channel, recipient),
                "process", now());
    }

    private static String subject(int day) {
        return switch (day) {
            case 1 -> "感谢您的关注 Thank you for your interest";
            case 3 -> "客户案例 How customers use our products";
            default -> "还有什么可以帮您？ Anything we can help with?";
        };
    }

    private static String body(int day) {
        return switch (day) {
            case 1 -> "感谢您关注我们的产品，产品资料已为您准备好。";
            case 3 -> "与您同行业的客户正在这样使用我们的产品，欢迎了解。";
            default -> "如需报价或演示，请直接回复本消息。";
        };
    }

    private static String englishBody(int day) {
        return switch (day) {
            case 1 -> "thank you for your interest in our products; the brochures are ready for you.";
            case 3 -> "this is how customers in your industry use our products.";
            default -> "reply to this message for a quote or a demonstration.";
        };
    }
}
