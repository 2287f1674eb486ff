package com.chaching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Chaching: self-hosted subscription billing over PostgreSQL. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class ChachingApplication {

    /**
     * The JDK's HttpURLConnection, which stripe-java sends through, otherwise resends a POST by itself when
     * the connection drops before an answer. Every POST to Stripe carries its idempotency key, so a resend
     * would move nothing twice; but whether and when a request is sent again is the payment protocol's to
     * decide (docs/payments.md "The Stripe gateway"), so the JDK does not. The JDK reads this once, before
     * its first connection: hence here, first. The tests set it too (pom.xml, surefire).
     */
    static final String JDK_RETRIES_POST = "sun.net.http.retryPost";

    public static void main(String[] args) {
        System.setProperty(JDK_RETRIES_POST, "false");
        SpringApplication.run(ChachingApplication.class, args);
    }
}
