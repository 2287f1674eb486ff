package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * A refused request is answered when its account's budget has a token again, at most the configured
 * {@code refusal-delay-max} later (decisions.md (cn)): a client that floods past {@code Retry-After} waits for each
 * refusal instead of getting them as fast as it can send. The pause is real time, so this test reads the wall
 * clock: a lower bound only, which a slow machine cannot break.
 */
@TestPropertySource(properties = {"chaching.rate-limit.sandbox.reads-per-second=2", "chaching.rate-limit.unsynchronized-percent=0",
        "chaching.rate-limit.refusal-delay-max=PT0.3S"})
class RefusalDelayApiTest extends ApiTest {

    @Test
    void aRefusalIsHeldUntilATokenIsDueAtMostTheConfiguredPause() {
        Api api = signUp();
        serverClock.advance(Duration.ofSeconds(1));
        api.get("/customers");
        api.get("/customers");

        long started = System.nanoTime();
        Response refused = api.get("/customers");
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // The server clock stands still, so the token is due in half a second: the pause is the configured 0.3 s.
        assertThat(waited).as("held before the answer").isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
