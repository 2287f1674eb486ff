package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The throttle's rule on its own: 5 failures within 15 minutes refuse the email or the address for 15 minutes. */
class SignInThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));
    private final SignInThrottle throttle = new SignInThrottle(clock);

    @Test
    void fourFailuresRefuseNothingAndTheFifthRefusesTheEmailFromAnyAddress() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed("owner@example.test", "192.0.2." + failure);
        }
        assertThat(throttle.refuses("owner@example.test", "198.51.100.1")).isFalse();

        throttle.failed("owner@example.test", "192.0.2.5");

        assertThat(throttle.refuses("OWNER@example.test ", "198.51.100.1")).isTrue();
        assertThat(throttle.refuses("someone-else@example.test", "198.51.100.1")).isFalse();
    }

    @Test
    void fiveFailuresFromOneAddressRefuseEveryEmailFromItOnly() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed("guess" + failure + "@example.test", "192.0.2.7");
        }

        assertThat(throttle.refuses("owner@example.test", "192.0.2.7")).isTrue();
        assertThat(throttle.refuses("owner@example.test", "192.0.2.8")).isFalse();
    }

    @Test
    void theRefusalEndsAfterFifteenMinutes() {
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed("owner@example.test", "192.0.2.1");
        }
        clock.advance(Duration.ofMinutes(15).minusMillis(1));
        assertThat(throttle.refuses("owner@example.test", "192.0.2.2")).isTrue();

        clock.advance(Duration.ofMillis(1));

        assertThat(throttle.refuses("owner@example.test", "192.0.2.2")).isFalse();
    }

    @Test
    void failuresOlderThanFifteenMinutesNoLongerCount() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed("owner@example.test", "192.0.2." + failure);
        }
        clock.advance(Duration.ofMinutes(15));

        throttle.failed("owner@example.test", "192.0.2.5");

        assertThat(throttle.refuses("owner@example.test", "192.0.2.6")).isFalse();
    }

    @Test
    void aSuccessClearsItsEmailsFailuresButNotItsAddresss() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed("owner@example.test", "192.0.2.1");
        }
        throttle.succeeded("owner@example.test");
        throttle.failed("owner@example.test", "192.0.2.9");
        assertThat(throttle.refuses("owner@example.test", "192.0.2.9")).isFalse();

        throttle.failed("other@example.test", "192.0.2.1");

        assertThat(throttle.refuses("anyone@example.test", "192.0.2.1")).isTrue();
    }
}
