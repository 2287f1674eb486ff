package com.chaching.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the server clock with one the tests hold still and move themselves. */
@TestConfiguration(proxyBeanMethods = false)
public class FrozenServerClock {

    @Bean
    @Primary
    MutableClock testServerClock() {
        return new MutableClock(ApiTest.SERVER_START);
    }
}
