package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15, before authentication: each client address's budget of failed API keys and of sign-ups. The tests'
 * requests come through a trusted proxy (127.0.0.1, as configured here) that names the client in
 * X-Forwarded-For, so that several addresses can be played; the same header from an untrusted peer names nobody.
 */
@TestPropertySource(properties = {"chaching.rate-limit.address.failed-keys-per-minute=3", "chaching.rate-limit.address.sign-ups-per-hour=2",
        "chaching.rate-limit.unsynchronized-percent=0", "server.forward-headers-strategy=native",
        "server.tomcat.remoteip.internal-proxies=127\\\\.0\\\\.0\\\\.1"})
class AddressRateLimitApiTest extends ApiTest {

    private static final String BAD_KEY = "sk_test_" + "x".repeat(24);

    @Test
    void aClientGuessingKeysIsRefusedWithoutAnAnswerUntilItsBudgetRefillsAndOtherAddressesAreNotAffected() {
        serverClock.advance(Duration.ofHours(1));
        Api owner = signUpFrom("198.51.100.1");
        for (int i = 0; i < 3; i++) {
            assertThat(getFrom("203.0.113.9", BAD_KEY).status()).isEqualTo(401);
        }
        Response refused = getFrom("203.0.113.9", BAD_KEY);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("rate_limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(getFrom("203.0.113.9", owner.key()).status())
                .as("a working key this copy has not seen is not even looked up from a blocked address").isEqualTo(429);

        assertThat(getFrom("203.0.113.10", BAD_KEY).status()).as("another address is not blocked").isEqualTo(401);
        assertThat(getFrom("203.0.113.10", owner.key()).status()).isEqualTo(200);

        serverClock.advance(Duration.ofMinutes(1));
        assertThat(getFrom("203.0.113.9", owner.key()).status()).as("a minute refills the budget").isEqualTo(200);
    }

    @Test
    void oneAddressSignsUpAtMostItsBudgetAnHour() {
        serverClock.advance(Duration.ofHours(1));
        signUpFrom("198.51.100.7");
        signUpFrom("198.51.100.7");
        Response refused = anonymous().send("POST", "/accounts", signUpBody(), Map.of("X-Forwarded-For", "198.51.100.7"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("detail")).contains("at most 2 an hour");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 3600L);
        signUpFrom("198.51.100.8");
        serverClock.advance(Duration.ofHours(1));
        signUpFrom("198.51.100.7");
    }

    @Test
    void theForwardedAddressOfAnUntrustedPeerIsNotBelieved() {
        serverClock.advance(Duration.ofHours(1));
        // Sent by the test itself from 127.0.0.1, which is trusted here: spoofing from elsewhere is what the
        // setting prevents. Without the setting (every other test), X-Forwarded-For is ignored altogether:
        // the address is the peer's, so rotating the header does not reset a budget.
        for (int i = 0; i < 3; i++) {
            getFrom("203.0.113.20, 10.9.9.9", BAD_KEY);
        }
        assertThat(getFrom("203.0.113.21, 10.9.9.9", BAD_KEY).status())
                .as("10.9.9.9 is not a trusted proxy: the client is 10.9.9.9 whatever it says before it").isEqualTo(429);
    }

    private Response getFrom(String forwardedFor, String key) {
        return anonymous().send("GET", "/customers", null, Map.of("X-Forwarded-For", forwardedFor, "Authorization", "Bearer " + key));
    }

    private Api signUpFrom(String address) {
        Response response = anonymous().send("POST", "/accounts", signUpBody(), Map.of("X-Forwarded-For", address));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Api(baseUrl(), response.text("apiKey"), response.text("account.id"));
    }

    private static Map<String, String> signUpBody() {
        return Map.of("name", "Shop", "email", "address-" + System.nanoTime() + "@example.test", "password", "correct horse battery");
    }
}
