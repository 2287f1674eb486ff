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

    public static void main(String[] args) {
        SpringApplication.run(ChachingApplication.class, args);
    }
}
