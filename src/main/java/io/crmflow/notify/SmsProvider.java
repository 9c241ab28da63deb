package io.crmflow.notify;

/**
 * An SMS gateway (Aliyun, Tencent Cloud…). Provide a bean of this type to send real text messages; without one the
 * {@link LoggingSmsProvider} writes them to the log.
 */
public interface SmsProvider {

    /** Sends {@code text} to {@code mobileNumber}; throws when the gateway refused it, so that it is retried. */
    void send(String mobileNumber, String text) throws Exception;
}
