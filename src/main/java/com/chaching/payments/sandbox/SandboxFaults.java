package com.chaching.payments.sandbox;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Trouble the sandbox gateway can be told to make, for reliability tests and benchmarks: a delay on every
 * call, a share of charges whose answer is lost after the money moved (a timeout), and a share of charges
 * refused with {@code processing_error}. Shares are per mille. All off by default.
 */
@ConfigurationProperties("chaching.sandbox")
public record SandboxFaults(
        @DefaultValue("0s") Duration latency,
        @DefaultValue("0") int timeoutPerMille,
        @DefaultValue("0") int processingErrorPerMille) {

    public static SandboxFaults none() {
        return new SandboxFaults(Duration.ZERO, 0, 0);
    }

    boolean timesOut() {
        return happens(timeoutPerMille);
    }

    boolean failsToProcess() {
        return happens(processingErrorPerMille);
    }

    /** A remote call takes time; the sandbox only pretends when asked to. */
    void delay() {
        if (latency.isZero() || latency.isNegative()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean happens(int perMille) {
        return perMille > 0 && (perMille >= 1000 || ThreadLocalRandom.current().nextInt(1000) < perMille);
    }
}
