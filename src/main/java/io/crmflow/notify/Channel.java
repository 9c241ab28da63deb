package io.crmflow.notify;

/** How a notification reaches its recipient. */
public enum Channel {
    /** SMTP mail to an address. */
    EMAIL,
    /** A WeCom/DingTalk-style group robot: JSON POST to the configured webhook, the recipient is named in the text. */
    IM,
    /** A text message to a mobile number, through the configured {@link SmsProvider}. */
    SMS
}
