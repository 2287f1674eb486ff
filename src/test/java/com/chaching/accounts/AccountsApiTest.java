package com.chaching.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

class AccountsApiTest extends ApiTest {

    @Test
    void signingUpGivesASandboxAccountWithDefaultSettingsAndAKeyThatWorks() {
        Response response = anonymous().post("/accounts",
                Map.of("name", "Acme Inc", "email", "founder@acme.test", "password", "correct horse battery"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.text("apiKey")).startsWith("sk_test_");
        assertThat(response.text("account.id")).startsWith("acct_");
        assertThat(response.text("account.object")).isEqualTo("account");
        assertThat(response.json().get("account").get("livemode").asBoolean()).isFalse();
        assertThat(response.text("account.timeZone")).isEqualTo("UTC");
        assertThat(response.text("account.invoicePrefix")).isEqualTo("ACME");
        assertThat(response.json().get("account").get("retrySchedule").valueStream().map(d -> d.asInt()).toList())
                .containsExactly(1, 3, 5, 7);
        assertThat(response.text("account.afterRetries")).isEqualTo("cancel");
        assertThat(response.json().get("account").get("settlementDays").asInt()).isEqualTo(2);
        assertThat(response.text("account.createdAt")).isEqualTo(serverClock.instant().toString());

        Response account = anonymous().withKey(response.text("apiKey")).get("/account");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.json()).isEqualTo(response.json().get("account"));
    }

    @Test
    void onlyHashesOfTheKeyAndPasswordAreStored() {
        Response response = anonymous().post("/accounts",
                Map.of("name", "Hashes", "email", "hashes@example.test", "password", "a very secret password"));
        String accountId = response.text("account.id");
        String key = response.text("apiKey");

        String stored = jdbc.sql("""
                        select a.password_hash || ' ' || k.key_hash from accounts a join api_keys k using (account_id)
                         where a.account_id = :id""")
                .param("id", accountId).query(String.class).single();
        String everything = jdbc.sql("select string_agg(t::text, ' ') from accounts t")
                .query(String.class).single();

        assertThat(stored).doesNotContain(key).doesNotContain("a very secret password").startsWith("$2a$10$");
        assertThat(everything).doesNotContain("a very secret password");
        assertThat(jdbc.sql("select count(*) from api_keys where key_hash = :k or last4 = :k").param("k", key).query(Long.class).single()).isZero();
    }

    @Test
    void anEmailCanSignUpOnceWhateverItsCase() {
        anonymous().post("/accounts", Map.of("name", "First", "email", "Once@Example.test", "password", "correct horse battery"));

        Response again = anonymous().post("/accounts", Map.of("name", "Second", "email", "once@example.TEST", "password", "correct horse battery"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("resource_already_exists");
        assertThat(again.text("param")).isEqualTo("email");
    }

    /** Sign-up's one account an email holds under concurrency (issue 16: kept by the unique index, on Citus a reference table's). */
    @Test
    void parallelSignUpsOfOneEmailMakeOneAccount() {
        String email = "race-" + System.nanoTime() + "@example.test";
        List<String> spellings = List.of(email, email.toUpperCase(), email, email.toUpperCase(), email, email.toUpperCase());

        List<Response> answers;
        // A thread each, whatever the machine: all six are in flight at once.
        try (ExecutorService clients = Executors.newFixedThreadPool(spellings.size())) {
            answers = spellings.stream()
                    .map(spelling -> CompletableFuture.supplyAsync(() -> anonymous().post("/accounts",
                            Map.of("name", "Racer", "email", spelling, "password", "correct horse battery")), clients))
                    .toList().stream().map(CompletableFuture::join).toList();
        }

        assertThat(answers).extracting(Response::status).containsOnlyOnce(201).containsOnly(201, 409);
        assertThat(jdbc.sql("select count(*) from accounts where lower(email) = :email").param("email", email).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void signUpNamesEveryMissingOrInvalidField() {
        Response missing = anonymous().post("/accounts", Map.of());
        assertThat(missing.status()).isEqualTo(400);
        assertThat(params(missing)).containsExactlyInAnyOrder("name", "email", "password");
        assertThat(missing.code()).isEqualTo("parameter_missing");

        Response invalid = anonymous().post("/accounts", Map.of("name", " ", "email", "nope", "password", "short"));
        assertThat(params(invalid)).containsExactlyInAnyOrder("name", "email", "password");

        Response tooLongInBytes = anonymous().post("/accounts", Map.of("name", "N", "email", "bytes@example.test", "password", "é".repeat(40)));
        assertThat(tooLongInBytes.status()).isEqualTo(400);
        assertThat(tooLongInBytes.text("param")).isEqualTo("password");
    }

    @Test
    void settingsChangeOneByOneAndKeepTheRest() {
        Api api = signUp();

        Response updated = api.patch("/account", Map.of("timeZone", "America/New_York", "invoicePrefix", "ZED42",
                "retrySchedule", List.of(2, 4), "afterRetries", "unpaid", "settlementDays", 0));
        Response renamed = api.patch("/account", Map.of("name", "Renamed"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(renamed.text("name")).isEqualTo("Renamed");
        assertThat(renamed.text("timeZone")).isEqualTo("America/New_York");
        assertThat(renamed.text("invoicePrefix")).isEqualTo("ZED42");
        assertThat(renamed.json().get("retrySchedule").valueStream().map(d -> d.asInt()).toList()).containsExactly(2, 4);
        assertThat(renamed.text("afterRetries")).isEqualTo("unpaid");
        assertThat(renamed.json().get("settlementDays").asInt()).isZero();
        assertThat(api.get("/account").json()).isEqualTo(renamed.json());
    }

    @Test
    void eachInvalidSettingIsNamedAndNothingChanges() {
        Api api = signUp();
        Response before = api.get("/account");

        for (Map<String, Object> change : List.<Map<String, Object>>of(
                Map.of("timeZone", "Mars/Olympus"), Map.of("timeZone", "+02:00"), Map.of("invoicePrefix", "ab"),
                Map.of("invoicePrefix", "TOOLONGPREFIX1"), Map.of("retrySchedule", List.of(3, 1)),
                Map.of("retrySchedule", List.of(0)), Map.of("retrySchedule", List.of(1, 2, 3, 4, 5, 6, 7, 8, 9)),
                Map.of("afterRetries", "explode"), Map.of("settlementDays", 31), Map.of("settlementDays", -1),
                Map.of("name", ""), Map.of("email", "new@example.test"))) {
            Response response = api.patch("/account", change);
            assertThat(response.status()).as(change + " → " + response).isEqualTo(400);
            assertThat(response.text("param")).startsWith(change.keySet().iterator().next());
        }
        assertThat(api.get("/account").json()).isEqualTo(before.json());
    }

    @Test
    void eachKeySeesOnlyItsOwnAccount() {
        Api one = signUp();
        Api two = signUp();

        one.patch("/account", Map.of("name", "Only One"));

        assertThat(one.get("/account").text("id")).isEqualTo(one.accountId());
        assertThat(two.get("/account").text("id")).isEqualTo(two.accountId());
        assertThat(two.get("/account").text("name")).isNotEqualTo("Only One");
    }

    @Test
    void theDefaultInvoicePrefixComesFromTheName() {
        assertThat(InvoicePrefixes.fromName("Acme Inc")).isEqualTo("ACME");
        assertThat(InvoicePrefixes.fromName("Al Co")).isEqualTo("ALCO");
        assertThat(InvoicePrefixes.fromName("Café Zürich")).isEqualTo("CAFE");
        assertThat(InvoicePrefixes.fromName("Ünïcode Wörks")).isEqualTo("UNICODE");
        assertThat(InvoicePrefixes.fromName("Supercalifragilistic Ltd")).isEqualTo("SUPERCALIFRA");
        assertThat(InvoicePrefixes.fromName("日本")).isEqualTo("XXX");
        assertThat(InvoicePrefixes.fromName("Q")).isEqualTo("QXX");
    }

    private static List<String> params(Response problem) {
        return problem.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList();
    }
}
