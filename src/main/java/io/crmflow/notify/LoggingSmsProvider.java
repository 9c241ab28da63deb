package io.crmflow.notify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The SMS "gateway" of a trial installation: the message goes to the log, marked as not sent to a phone. */
class LoggingSmsProvider implements SmsProvider {

    private static final Logger log = LoggerFactory.getLogger(LoggingSmsProvider.class);

    @Override
    public void send(String mobileNumber, String text) {
        log.info("SMS (log only, no gateway configured) to {}: {}", mobileNumber, text);
    }
}
