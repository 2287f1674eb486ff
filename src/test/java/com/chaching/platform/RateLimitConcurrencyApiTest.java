package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The budgets as they ship — each copy spending up to a tenth of an account's budget before writing it — under a
 * client's first requests arriving all at once, before its bucket exists: every one is answered by the limiter, none
 * fails, and an address's failed keys are counted exactly (bench/rate-limit.sh found both: Bucket4j answered a batch
 * of a copy's concurrent requests "bucket does not exist", and a check before the look-up let every concurrent bad
 * key through). Each test plays its own client address through a trusted proxy (127.0.0.1, as configured here).
 * And a refused request is held until its budget's next token, at most {@code refusal-delay-max} (decisions.md (cn)).
 */
@TestPropertySource(properties = {"chaching.rate-limit.sandbox.reads-per-second=100", "chaching.rate-limit.sandbox.writes-per-second=2",
        "chaching.rate-limit.unsynchronized-percent=10",
        "chaching.rate-limit.address.failed-keys-per-minute=10", "chaching.rate-limit.refusal-delay-max=PT0.3S",
        "server.forward-headers-strategy=native", "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
class RateLimitConcurrencyApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    private static final int AT_ONCE = 32;

    @Test
    void anAccountsFirstRequestsAtOnceAreAllCounted() {
        Api api = signUp();
        Map<String, String> headers = Map.of("X-Forwarded-For", "198.51.100.20", "Authorization", "Bearer " + api.key());

        List<Response> answers = atOnce(() -> anonymous().send("GET", "/customers", null, headers));

        assertThat(answers).extracting(Response::status).containsOnly(200);
        // Each was answered by the limiter, none let through because the budget's store failed (that answer has no headers).
        assertThat(answers).extracting(answer -> answer.header("RateLimit-Limit")).as("each spent from the budget").containsOnly("100");
        // The shared bucket, read exactly (as a copy writing every request would): all 32 are in it but the at most a
        // tenth of the budget this copy may have spent and not yet written (decisions.md (cg)).
        RateLimiter exact = new RateLimiter(dataSource, serverClock, 100, 100, 100, 100, 0, 10, 20, 5);
        assertThat(exact.spend(new Tenant(api.accountId(), false), RateLimiter.Kind.READ, 1).remaining())
                .isBetween(100L - AT_ONCE - 1, 100L - AT_ONCE - 1 + 10);
    }

    @Test
    void badKeysFromOneAddressAtOnceAreRefusedNeverFailedAndCountedExactly() {
        Map<String, String> headers = Map.of("X-Forwarded-For", "203.0.113.20", "Authorization", "Bearer sk_test_" + "x".repeat(40));

        List<Response> answers = atOnce(() -> anonymous().send("GET", "/customers", null, headers));

        assertThat(answers).extracting(Response::status).containsOnly(401, 429);
        assertThat(answers).filteredOn(answer -> answer.status() == 401).as("told invalid at most the address's budget of 10 times")
                .hasSize(10);
    }

    /**
     * A client that floods past {@code Retry-After} waits for each refusal instead of getting them as fast as it can
     * send. The pause is real time, so this reads the wall clock: a lower bound only, which a slow machine cannot break.
     */
    @Test
    void aRefusalIsHeldUntilATokenIsDueAtMostTheConfiguredPause() {
        Api api = signUp();
        serverClock.advance(Duration.ofSeconds(1));
        assertThat(api.post("/customers", Map.of("externalKey", "first")).status()).isEqualTo(201);
        assertThat(api.post("/customers", Map.of("externalKey", "second")).status()).isEqualTo(201);

        long started = System.nanoTime();
        Response refused = api.post("/customers", Map.of("externalKey", "third"));
        Duration waited = Duration.ofNanos(System.nanoTime() - started);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        // A write is due every half second at 2 a second: the pause is the configured most, 0.3 s.
        assertThat(waited).as("held before the answer").isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    private static List<Response> atOnce(Supplier<Response> request) {
        try (ExecutorService clients = Executors.newFixedThreadPool(AT_ONCE)) {
            return IntStream.range(0, AT_ONCE)
                    .mapToObj(i -> CompletableFuture.supplyAsync(request, clients))
                    .toList().stream().map(CompletableFuture::join).toList();
        }
    }
}
