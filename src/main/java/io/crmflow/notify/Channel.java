package io.crmflow.notify;

/** How a notification reaches its recipient. */
public enum Channel {
    /** SMTP mail to an address. */
    EMAIL,
    /**
     * A WeCom/DingTalk-style group robot: JSON POST to the configured webhook, the recipient is named in the text. The
     * recipient is a crmflow user id: the message also goes to their {@link #INBOX}, configured robot or not.
     */
    IM,
    /** A text message to a mobile number, through the configured {@link SmsProvider}. */
    SMS,
    /** The person's in-app inbox ({@link Inbox}), recipient = user id: always works, nothing to configure. */
    INBOX
}
