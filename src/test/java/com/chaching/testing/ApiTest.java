package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Base of the HTTP tests: the whole service on a random port, and its management server (actuator) on
 * another, over the throwaway embedded PostgreSQL (started once for the test run), with a frozen server
 * clock the tests move themselves. Every statement the server runs is checked to name one account where Citus needs
 * it (issue 16): a test fails after it has run if one did not ({@link RecordedStatements}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"chaching.database.ephemeral=true", "logging.level.com.chaching=INFO", "management.server.port=0",
                "chaching.secrets-key=" + ApiTest.SECRETS_KEY,
                // The frozen clock never refills a bucket: budgets far beyond what any test spends (RateLimitApiTest sets its own).
                "chaching.rate-limit.live.reads-per-second=10000000", "chaching.rate-limit.live.writes-per-second=10000000",
                "chaching.rate-limit.sandbox.reads-per-second=10000000", "chaching.rate-limit.sandbox.writes-per-second=10000000",
                // A refusal is answered at once: RateLimitConcurrencyApiTest holds one.
                "chaching.rate-limit.refusal-delay-max=PT0S",
                // Every test's requests come from 127.0.0.1: AddressRateLimitApiTest sets small address budgets of its own,
                // BrowserTest the dashboard's budget of failed sign-ins as it ships.
                "chaching.rate-limit.address.failed-keys-per-minute=10000000", "chaching.rate-limit.address.sign-ups-per-hour=10000000",
                "chaching.rate-limit.failed-sign-ins-per-quarter-hour=10000000"})
@Import({FrozenServerClock.class, ManagementServer.class, StatementRecording.class})
public abstract class ApiTest {

    public static final Instant SERVER_START = Instant.parse("2026-03-01T09:00:00Z");
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();

    /** The tests' server's CHACHING_SECRETS_KEY: 32 fixed bytes, so that live accounts can be made. */
    public static final String SECRETS_KEY = "dGVzdHMtb25seS1zZWNyZXRzLWtleS0zMi1ieXRlcyE=";

    @LocalServerPort
    protected int port;

    @LocalManagementPort
    protected int managementPort;

    @Autowired
    protected JdbcClient jdbc;

    @Autowired
    protected MutableClock serverClock;

    @Autowired
    private RecordedStatements statements;

    @AfterEach
    void everyLockAndWriteNamedOneAccount() {
        statements.assertEveryLockAndWriteNamedOneAccount();
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A caller with no API key. */
    protected Api anonymous() {
        return new Api(baseUrl(), null, null);
    }

    /** A caller of the management server (metrics and probes), on the loopback address it listens on by default. */
    protected Api management() {
        return new Api("http://127.0.0.1:" + managementPort, null, null);
    }

    /** A new sandbox account, signed up through the API, and a client holding its key. */
    protected Api signUp() {
        return signUpOwner("Account " + ACCOUNTS.incrementAndGet()).api();
    }

    /** An account's owner: the email and password they signed up with (the dashboard's sign-in), and their API client. */
    public record Owner(Api api, String email, String password) {
    }

    /** A new sandbox account with this name, signed up through the API, and what its owner knows. */
    protected Owner signUpOwner(String name) {
        String email = "owner" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() + "@example.test";
        String password = "correct horse battery";
        Response response = anonymous().post("/accounts", Map.of("name", name, "email", email, "password", password));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return new Owner(new Api(baseUrl(), response.text("apiKey"), response.text("account.id")), email, password);
    }

    /** A customer created through the API; returns its JSON response. */
    protected Response createCustomer(Api api, Map<String, ?> fields) {
        Response response = api.post("/customers", fields);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    /** A new live account, signed up through the API with {@code livemode: true}, and a client holding its sk_live_ key. */
    protected Api liveAccount() {
        return liveOwner().api();
    }

    /** A new live account's owner, signed up through the API with {@code livemode: true}. */
    protected Owner liveOwner() {
        String email = "live" + ACCOUNTS.incrementAndGet() + "-" + System.nanoTime() + "@example.test";
        String password = "correct horse battery";
        Response response = anonymous().post("/accounts",
                Map.of("name", "Live Co", "email", email, "password", password, "livemode", true));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.text("apiKey")).startsWith("sk_live_");
        return new Owner(new Api(baseUrl(), response.text("apiKey"), response.text("account.id")), email, password);
    }
}
