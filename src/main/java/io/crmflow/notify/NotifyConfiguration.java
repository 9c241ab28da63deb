package io.crmflow.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
class NotifyConfiguration {

    @Bean
    @ConditionalOnMissingBean(SmsProvider.class)
    SmsProvider loggingSmsProvider() {
        return new LoggingSmsProvider();
    }
}
