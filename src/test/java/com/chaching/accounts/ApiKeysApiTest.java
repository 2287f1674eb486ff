package com.chaching.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Hostile;
import com.chaching.testing.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** api.md "Keys": an account holds several secret keys; each is created, rolled and revoked through the API. */
class ApiKeysApiTest extends ApiTest {

    @Test
    void aNewKeyWorksForItsAccountAndItsSecretIsShownOnce() {
        Api api = signUp();

        Response created = api.post("/api-keys", Map.of("name", "Billing worker"));
        Api worker = api.withKey(created.text("secret"));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.text("secret")).startsWith("sk_test_").endsWith(created.text("last4"));
        assertThat(created.text("id")).startsWith("key_");
        assertThat(created.text("name")).isEqualTo("Billing worker");
        assertThat(created.json().get("lastUsedAt").isNull()).isTrue();
        assertThat(worker.get("/account").text("id")).isEqualTo(api.accountId());
        List<JsonNode> listed = keys(api);
        assertThat(listed).extracting(key -> key.get("name").asString()).containsExactly("Billing worker", "Secret key");
        assertThat(listed).allSatisfy(key -> assertThat(key.has("secret")).isFalse());
        assertThat(listed.getFirst().get("lastUsedAt").asString()).isEqualTo(serverClock.instant().toString());
    }

    @Test
    void aRevokedKeyStopsAtOnce() {
        Api api = signUp();
        Response second = api.post("/api-keys", Map.of("name", "Old integration"));
        Api old = api.withKey(second.text("secret"));
        assertThat(old.get("/account").status()).isEqualTo(200);

        Response revoked = api.delete("/api-keys/" + second.text("id"));

        assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);
        assertThat(revoked.json().get("deleted").asBoolean()).isTrue();
        assertThat(revoked.text("object")).isEqualTo("api_key");
        assertThat(old.get("/account").status()).isEqualTo(401);
        assertThat(keys(api)).extracting(key -> key.get("name").asString()).containsExactly("Secret key");
        assertThat(api.delete("/api-keys/" + second.text("id")).status()).isEqualTo(404);
        assertThat(api.post("/api-keys/" + second.text("id") + "/roll", Map.of()).status()).isEqualTo(404);
    }

    @Test
    void theLastWorkingKeyCannotBeRevoked() {
        Api api = signUp();
        String only = keys(api).getFirst().get("id").asString();

        Response refused = api.delete("/api-keys/" + only);

        assertThat(refused.status()).as(refused.toString()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("last_api_key");
        assertThat(api.get("/account").status()).isEqualTo(200);
    }

    @Test
    void aKeyMayRevokeItselfWhenAnotherRemains() {
        Api api = signUp();
        Api spare = api.withKey(api.post("/api-keys", Map.of("name", "Spare")).text("secret"));
        String first = keys(api).getLast().get("id").asString();

        assertThat(api.delete("/api-keys/" + first).status()).isEqualTo(200);

        assertThat(api.get("/account").status()).isEqualTo(401);
        assertThat(spare.get("/account").status()).isEqualTo(200);
    }

    @Test
    void twoParallelRevokesOfTheLastTwoKeysLeaveOneWorking() {
        Api api = signUp();
        Api second = api.withKey(api.post("/api-keys", Map.of("name", "Second")).text("secret"));
        List<String> ids = keys(api).stream().map(key -> key.get("id").asString()).toList();

        List<Response> answers = IntStream.range(0, 2)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> api.delete("/api-keys/" + ids.get(i))))
                .toList().stream().map(CompletableFuture::join).toList();

        // One revoke wins. The other is refused as revoking the last key (409) or, if the winner had revoked the
        // very key it was sent with before it was read, as unauthenticated (401): either way one key is left.
        assertThat(answers).extracting(Response::status).containsOnlyOnce(200).containsAnyOf(409, 401);
        assertThat(List.of(api.get("/account").status(), second.get("/account").status())).containsExactlyInAnyOrder(200, 401);
    }

    @Test
    void rollingWithoutGraceGivesANewSecretAndEndsTheOldOneAtOnce() {
        Api api = signUp();
        String id = keys(api).getFirst().get("id").asString();

        Response rolled = api.post("/api-keys/" + id + "/roll", Map.of());

        assertThat(rolled.status()).as(rolled.toString()).isEqualTo(200);
        assertThat(rolled.text("id")).isNotEqualTo(id);
        assertThat(rolled.text("secret")).startsWith("sk_test_").isNotEqualTo(api.key());
        assertThat(rolled.text("name")).isEqualTo("Secret key");
        assertThat(api.get("/account").status()).isEqualTo(401);
        Api renewed = api.withKey(rolled.text("secret"));
        assertThat(renewed.get("/account").status()).isEqualTo(200);
        assertThat(keys(renewed)).extracting(key -> key.get("id").asString()).containsExactly(rolled.text("id"));
    }

    @Test
    void rollingWithGraceKeepsTheOldSecretWorkingUntilThen() {
        Api api = signUp();
        String id = keys(api).getFirst().get("id").asString();
        Instant rolledAt = serverClock.instant();

        Response rolled = api.post("/api-keys/" + id + "/roll", Map.of("expiresInHours", 2));

        assertThat(rolled.status()).isEqualTo(200);
        JsonNode old = keys(api).stream().filter(key -> key.get("id").asString().equals(id)).findFirst().orElseThrow();
        assertThat(old.get("expiresAt").asString()).isEqualTo(rolledAt.plus(Duration.ofHours(2)).toString());
        serverClock.advance(Duration.ofHours(2).minusSeconds(1));
        assertThat(api.get("/account").status()).isEqualTo(200);
        serverClock.advance(Duration.ofSeconds(1));
        assertThat(api.get("/account").status()).isEqualTo(401);
        assertThat(api.withKey(rolled.text("secret")).get("/account").status()).isEqualTo(200);
    }

    @Test
    void aTestClockAdvanceDoesNotAgeKeys() {
        Api api = signUp();
        String id = keys(api).getFirst().get("id").asString();
        Api renewed = api.withKey(api.post("/api-keys/" + id + "/roll", Map.of("expiresInHours", 1)).text("secret"));

        Response advanced = renewed.post("/test-clock/advance", Map.of("to", serverClock.instant().plus(Duration.ofDays(40)).toString()));

        assertThat(advanced.status()).as(advanced.toString()).isEqualTo(200);
        assertThat(api.get("/account").status()).isEqualTo(200);
    }

    @Test
    void anotherAccountsKeyIsNotFound() {
        Api owner = signUp();
        Response created = owner.post("/api-keys", Map.of("name", "Owner's"));
        Api other = signUp();

        assertThat(other.delete("/api-keys/" + created.text("id")).status()).isEqualTo(404);
        assertThat(other.post("/api-keys/" + created.text("id") + "/roll", Map.of()).status()).isEqualTo(404);
        assertThat(keys(other)).extracting(key -> key.get("id").asString()).doesNotContain(created.text("id"));
        assertThat(owner.withKey(created.text("secret")).get("/account").status()).isEqualTo(200);
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyMakesOneKey() {
        Api api = signUp();
        Map<String, String> once = Map.of("Idempotency-Key", "one-key");

        Response first = api.send("POST", "/api-keys", Map.of("name", "Once"), once);
        Response again = api.send("POST", "/api-keys", Map.of("name", "Once"), once);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(keys(api)).hasSize(2);
    }

    @Test
    void badInputIsA400NamingTheFieldAndMakesNoKey() {
        Api api = signUp();
        String id = keys(api).getFirst().get("id").asString();

        assertThat(api.post("/api-keys", Map.of()).text("param")).isEqualTo("name");
        assertThat(api.post("/api-keys", Map.of("name", "  ")).text("param")).isEqualTo("name");
        assertThat(api.post("/api-keys", Map.of("name", "k".repeat(101))).text("param")).isEqualTo("name");
        for (Object hours : List.of(-1, 169, "soon", 1.5)) {
            Response refused = api.post("/api-keys/" + id + "/roll", Map.of("expiresInHours", hours));
            assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
            assertThat(refused.body()).contains("expiresInHours");
        }
        for (String hostile : Hostile.HOSTILE) {
            String inPath = URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20");
            Hostile.assertNoServerError(api.post("/api-keys", Map.of("name", hostile)));
            Hostile.assertNoServerError(api.delete("/api-keys/" + inPath));
            Hostile.assertNoServerError(api.post("/api-keys/" + inPath + "/roll", Map.of()));
        }
        assertThat(api.get("/account").status()).isEqualTo(200);
        assertThat(keys(api)).allSatisfy(key -> assertThat(key.get("name").asString()).isNotBlank());
    }

    private static List<JsonNode> keys(Api api) {
        Response listed = api.get("/api-keys?limit=100");
        assertThat(listed.status()).as(listed.toString()).isEqualTo(200);
        return listed.json().get("data").valueStream().toList();
    }
}
