package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.Map;
import com.chaching.ChachingApplication;
import com.chaching.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15: each account's budget of reads and of writes a second (docs/operations.md "Rate limits"), with small
 * budgets and every spending written to the shared store at once, so that what the tests count is exact.
 */
@TestPropertySource(properties = {"chaching.rate-limit.sandbox.reads-per-second=3", "chaching.rate-limit.sandbox.writes-per-second=2",
        "chaching.rate-limit.unsynchronized-percent=0"})
class RateLimitApiTest extends ApiTest {

    @Test
    void readsBeyondTheBudgetAreRefusedWithRetryAfterUntilTheClockRefillsThem() {
        Api api = signUp();
        serverClock.advance(Duration.ofSeconds(1));

        for (long remaining = 2; remaining >= 0; remaining--) {
            Response ok = api.get("/customers");
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(ok.header("RateLimit-Remaining")).isEqualTo(Long.toString(remaining));
            assertThat(ok.header("RateLimit-Reset")).as("seconds until the budget is whole again").isEqualTo("1");
        }
        Response refused = api.get("/customers");
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("code")).isEqualTo("rate_limited");
        assertThat(refused.text("detail")).contains("3 reads a second in sandbox mode");
        assertThat(refused.header("Retry-After")).isEqualTo("1");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("Request-Id")).isNotBlank();

        serverClock.advance(Duration.ofMillis(400));
        assertThat(api.get("/customers").status()).as("a third of a second refills one read").isEqualTo(200);
        assertThat(api.get("/customers").status()).isEqualTo(429);
        serverClock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/customers").header("RateLimit-Remaining")).as("a second refills the whole budget, no more").isEqualTo("2");
    }

    @Test
    void writesHaveTheirOwnBudgetAndARefusedWriteChangesNothing() {
        Api api = signUp();
        serverClock.advance(Duration.ofSeconds(1));

        assertThat(api.post("/customers", Map.of("externalKey", "first")).status()).isEqualTo(201);
        assertThat(api.post("/customers", Map.of("externalKey", "second")).status()).isEqualTo(201);
        Response refused = api.post("/customers", Map.of("externalKey", "third"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.text("detail")).contains("2 writes a second");
        Response read = api.get("/customers/third");
        assertThat(read.status()).as("reads spend from their own budget, and the refused write made nothing").isEqualTo(404);
        assertThat(api.get("/customers/second").status()).isEqualTo(200);
    }

    @Test
    void expensiveWorkSpendsMoreOfTheBudgetButNeverMoreThanAllOfIt() {
        Api api = signUp();
        serverClock.advance(Duration.ofSeconds(1));

        assertThat(api.get("/customers?email=a@example.test").header("RateLimit-Remaining")).as("a filter costs one more read").isEqualTo("1");
        serverClock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/customers?limit=5").header("RateLimit-Remaining")).as("paging is no filter").isEqualTo("2");
        serverClock.advance(Duration.ofSeconds(1));
        Response search = api.get("/customers/search?query=x");
        assertThat(search.status()).isEqualTo(200);
        assertThat(search.header("RateLimit-Remaining")).as("a search costs five reads, capped at the budget of three").isEqualTo("0");

        Response advance = api.post("/test-clock/advance", Map.of("to", "2030-01-01T00:00:00Z"));
        assertThat(advance.status()).as(advance.toString()).isEqualTo(200);
        assertThat(advance.header("RateLimit-Remaining")).as("an advance costs ten writes, capped at the budget of two").isEqualTo("0");
        assertThat(api.post("/customers", Map.of("externalKey", "after")).status()).isEqualTo(429);
    }

    @Test
    void oneAccountSpendingItsBudgetLeavesAnothersWhole() {
        Api noisy = signUp();
        Api quiet = signUp();
        serverClock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            noisy.get("/customers");
        }
        assertThat(noisy.get("/customers").status()).isEqualTo(429);

        Response theirs = quiet.get("/customers");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.header("RateLimit-Remaining")).isEqualTo("2");
    }

    @Test
    void requestsWithoutAnAccountSpendNoAccountsBudget() {
        Response signUp = anonymous().post("/accounts", Map.of("name", "Shop", "email", "rate-" + System.nanoTime() + "@example.test",
                "password", "correct horse battery"));
        assertThat(signUp.status()).isEqualTo(201);
        assertThat(signUp.header("RateLimit-Limit")).isNull();
        Response noKey = anonymous().get("/customers");
        assertThat(noKey.status()).isEqualTo(401);
        assertThat(noKey.header("RateLimit-Limit")).isNull();
    }

    /**
     * Two copies of the service keep one budget: a second application context, on its own port, over the same
     * database and reading the same (moved) clock, answers with what the first spent, and the other way round.
     */
    @Test
    void twoCopiesOfTheServiceSpendFromOneBudget() {
        Api first = signUp();
        serverClock.advance(Duration.ofSeconds(1));
        try (ConfigurableApplicationContext copy = secondCopy()) {
            Api second = new Api("http://127.0.0.1:" + copy.getEnvironment().getProperty("local.server.port"), first.key(), first.accountId());

            assertThat(first.get("/customers").header("RateLimit-Remaining")).isEqualTo("2");
            assertThat(second.get("/customers").header("RateLimit-Remaining")).as("the second copy sees the first's spending").isEqualTo("1");
            assertThat(first.get("/customers").header("RateLimit-Remaining")).isEqualTo("0");
            Response refused = second.get("/customers");
            assertThat(refused.status()).as("the budget is the account's, not the copy's").isEqualTo(429);
            assertThat(refused.header("Retry-After")).isEqualTo("1");

            serverClock.advance(Duration.ofSeconds(1));
            assertThat(second.get("/customers").status()).isEqualTo(200);
            assertThat(first.get("/customers").header("RateLimit-Remaining")).isEqualTo("1");
        }
    }

    /** The service again, as another running copy would be: this test's settings, its database, its clock. */
    private ConfigurableApplicationContext secondCopy() {
        return new SpringApplicationBuilder(ChachingApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("testServerClock", MutableClock.class,
                        () -> serverClock, definition -> definition.setPrimary(true)))
                .run("--chaching.database.ephemeral=true", "--chaching.secrets-key=" + SECRETS_KEY,
                        "--server.port=0", "--server.address=127.0.0.1", "--management.server.port=0", "--chaching.engine.interval=PT1H",
                        "--chaching.rate-limit.sandbox.reads-per-second=3", "--chaching.rate-limit.sandbox.writes-per-second=2",
                        "--chaching.rate-limit.unsynchronized-percent=0");
    }
}
