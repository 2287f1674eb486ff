package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The throttle's rule, as it ships: 5 failed sign-ins for an email or from an address, refilled evenly over 15
 * minutes (one back every 3), kept in PostgreSQL. Each test uses addresses and emails of its own: the budgets
 * outlive a test.
 */
@TestPropertySource(properties = "chaching.rate-limit.failed-sign-ins-per-quarter-hour=5")
class SignInThrottleTest extends ApiTest {

    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Autowired
    SignInThrottle throttle;

    private final String owner = "owner-" + CLIENTS.incrementAndGet() + "-" + System.nanoTime() + "@example.test";

    private static String address() {
        int n = CLIENTS.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }

    @Test
    void fourFailuresRefuseNothingAndTheFifthRefusesTheEmailFromAnyAddress() {
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed(owner, address());
        }
        assertThat(throttle.refuses(owner, address())).isFalse();

        throttle.failed(owner, address());

        assertThat(throttle.refuses(owner.toUpperCase() + " ", address())).as("the same email, however written").isTrue();
        assertThat(throttle.refuses("someone-else-" + owner, address())).isFalse();
    }

    @Test
    void fiveFailuresFromOneAddressRefuseEveryEmailFromItOnly() {
        String guesser = address();
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed("guess" + failure + "-" + owner, guesser);
        }

        assertThat(throttle.refuses(owner, guesser)).isTrue();
        assertThat(throttle.refuses(owner, address())).isFalse();
    }

    @Test
    void afterFiveFailuresOneMoreTryComesBackEveryThreeMinutes() {
        String guesser = address();
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed(owner, guesser);
        }
        serverClock.advance(Duration.ofMinutes(3).minusMillis(1));
        assertThat(throttle.refuses(owner, guesser)).isTrue();

        serverClock.advance(Duration.ofMillis(1));
        assertThat(throttle.refuses(owner, guesser)).isFalse();
        throttle.failed(owner, guesser);

        assertThat(throttle.refuses(owner, guesser)).as("one try, then three minutes more").isTrue();
    }

    @Test
    void aQuarterHourGivesTheWholeBudgetBack() {
        String address = address();
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed(owner, address);
        }
        serverClock.advance(Duration.ofMinutes(15));

        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed(owner, address);
        }

        assertThat(throttle.refuses(owner, address)).isFalse();
    }

    @Test
    void aSuccessClearsItsEmailsFailuresButNotItsAddresss() {
        String address = address();
        for (int failure = 1; failure <= 4; failure++) {
            throttle.failed(owner, address);
        }
        throttle.succeeded(owner);
        String elsewhere = address();
        throttle.failed(owner, elsewhere);
        assertThat(throttle.refuses(owner, elsewhere)).as("the email's count starts again").isFalse();

        throttle.failed("other-" + owner, address);

        assertThat(throttle.refuses("anyone-" + owner, address)).as("the address's count does not").isTrue();
    }

    @Test
    void anEmailOfAnyLengthIsCountedWithoutBeingStored() {
        String huge = "x".repeat(100_000) + "@example.test";
        String address = address();
        for (int failure = 1; failure <= 5; failure++) {
            throttle.failed(huge, address());
        }

        assertThat(throttle.refuses(huge, address)).isTrue();
        assertThat(jdbc.sql("select count(*) from rate_limit_buckets where id like '%example.test%'").query(Long.class).single())
                .as("emails are kept as digests").isZero();
    }
}
