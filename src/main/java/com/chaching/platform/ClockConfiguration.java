package com.chaching.platform;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one place that reads the system clock; everything else is handed a {@link Clock} or an {@link AccountClock}. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock systemClock() {
        return Clock.systemUTC();
    }
}
