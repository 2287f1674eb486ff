package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.CapturedLog;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** api.md "Idempotency". */
class IdempotencyApiTest extends ApiTest {

    @Autowired
    IdempotencyPurge purge;

    @Autowired
    IdempotencyFilter filter;

    @Test
    void aRetryIsReplayedByteForByteAndCreatesNothingNew() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "create-ada");

        Response first = api.send("POST", "/customers", Map.of("name", "Ada"), key);
        Response retry = api.send("POST", "/customers", Map.of("name", "Ada"), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Content-Type")).isEqualTo(first.header("Content-Type"));
        assertThat(api.get("/customers").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void errorsAreReplayedToo() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "bad-email");

        Response first = api.send("POST", "/customers", Map.of("email", "nope"), key);
        Response retry = api.send("POST", "/customers", Map.of("email", "nope"), key);

        assertThat(first.status()).isEqualTo(400);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void theSameKeyWithAnotherRequestIsRefused() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "reused");
        api.send("POST", "/customers", Map.of("name", "Ada"), key);

        Response otherBody = api.send("POST", "/customers", Map.of("name", "Grace"), key);
        Response otherMethodAndPath = api.send("PATCH", "/account", Map.of("name", "Ada"), key);

        ErrorsApiTest.assertProblem(otherBody, 422, "idempotency_key_reuse");
        ErrorsApiTest.assertProblem(otherMethodAndPath, 422, "idempotency_key_reuse");
        assertThat(api.get("/customers").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void keysBelongToOneAccount() {
        Map<String, String> key = Map.of("Idempotency-Key", "everyone-uses-this");
        Api one = signUp();
        Api two = signUp();

        Response first = one.send("POST", "/customers", Map.of("name", "Same"), key);
        Response second = two.send("POST", "/customers", Map.of("name", "Same"), key);

        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isNull();
        assertThat(second.text("id")).isNotEqualTo(first.text("id"));
    }

    @Test
    void aRetryWhileTheFirstStillRunsIsAConflictAndLaterGetsTheResult() throws Exception {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "held");
        TestOnlyController.reset();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> api.send("POST", "/test-only/held", Map.of("value", "one"), key));
        assertThat(TestOnlyController.entered.await(10, TimeUnit.SECONDS)).isTrue();

        Response during = api.send("POST", "/test-only/held", Map.of("value", "one"), key);
        ErrorsApiTest.assertProblem(during, 409, "idempotency_in_progress");

        TestOnlyController.release.countDown();
        Response done = first.get(10, TimeUnit.SECONDS);
        assertThat(done.status()).isEqualTo(200);
        Response after = api.send("POST", "/test-only/held", Map.of("value", "one"), key);
        assertThat(after.body()).isEqualTo(done.body());
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
    }

    @Test
    void aLongRunningRequestKeepsItsClaimWhileAClaimLeftByADeadServerIsTakenOver() throws Exception {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "long-running");
        TestOnlyController.reset();
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(
                () -> api.send("POST", "/test-only/held", Map.of("value", "long"), key));
        assertThat(TestOnlyController.entered.await(10, TimeUnit.SECONDS)).isTrue();

        serverClock.advance(Duration.ofMinutes(2));
        filter.keepRunningClaimsAlive();
        ErrorsApiTest.assertProblem(api.send("POST", "/test-only/held", Map.of("value", "long"), key), 409, "idempotency_in_progress");
        TestOnlyController.release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);

        // A claim that nobody refreshes: its server died before answering.
        Map<String, String> orphanKey = Map.of("Idempotency-Key", "orphan");
        Response original = api.send("POST", "/customers", Map.of("name", "Orphan"), orphanKey);
        jdbc.sql("update idempotency_keys set response_status = null, response_body = null where account_id = :a and idempotency_key = 'orphan'")
                .param("a", api.accountId()).update();
        ErrorsApiTest.assertProblem(api.send("POST", "/customers", Map.of("name", "Orphan"), orphanKey), 409, "idempotency_in_progress");
        serverClock.advance(Duration.ofMinutes(2));
        Response takenOver = api.send("POST", "/customers", Map.of("name", "Orphan"), orphanKey);
        assertThat(takenOver.status()).isEqualTo(201);
        assertThat(takenOver.header("Idempotent-Replayed")).isNull();
        assertThat(takenOver.text("id")).isNotEqualTo(original.text("id"));
    }

    @Test
    void aServerErrorIsNotKeptSoARetryRunsAgain() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "fails");

        try (CapturedLog log = CapturedLog.of(ApiExceptionHandler.class)) {
            Response first = api.send("POST", "/test-only/failure", Map.of(), key);
            assertThat(first.status()).isEqualTo(500);
            Response retry = api.send("POST", "/test-only/failure", Map.of(), key);

            assertThat(retry.status()).isEqualTo(500);
            assertThat(retry.header("Idempotent-Replayed")).isNull();
            // The retry really ran (and failed) again: each attempt is logged under its own Request-Id.
            assertThat(log.events()).extracting(CapturedLog::requestId)
                    .containsExactly(first.header("Request-Id"), retry.header("Request-Id"));
        }
    }

    @Test
    void aKeyLongerThan255CharactersIsRefused() {
        Response response = signUp().send("POST", "/customers", Map.of(), Map.of("Idempotency-Key", "k".repeat(256)));

        ErrorsApiTest.assertProblem(response, 400, "parameter_invalid");
        assertThat(response.text("param")).isEqualTo("Idempotency-Key");
    }

    @Test
    void keysAreKeptADayThenPurged() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "day-old");
        Response first = api.send("POST", "/customers", Map.of("name", "Ada"), key);

        serverClock.advance(Duration.ofHours(23));
        purge.purgeExpiredKeys();
        assertThat(api.send("POST", "/customers", Map.of("name", "Ada"), key).body()).isEqualTo(first.body());

        serverClock.advance(Duration.ofHours(1));
        purge.purgeExpiredKeys();
        assertThat(jdbc.sql("select count(*) from idempotency_keys where account_id = :a and idempotency_key = 'day-old'")
                .param("a", api.accountId()).query(Long.class).single()).isZero();
        Response afterPurge = api.send("POST", "/customers", Map.of("name", "Ada"), key);
        assertThat(afterPurge.header("Idempotent-Replayed")).isNull();
        assertThat(afterPurge.text("id")).isNotEqualTo(first.text("id"));
    }
}
