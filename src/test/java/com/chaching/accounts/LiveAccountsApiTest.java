package com.chaching.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.payments.PaymentGateways;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.SecretBox;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** api.md "Live accounts": sign-up with livemode true makes a live account, marked live everywhere, with no sandbox tools. */
class LiveAccountsApiTest extends ApiTest {

    @Autowired
    PaymentGateways gateways;

    @Autowired
    AccountRepository accountRepository;

    @Autowired
    AccountClock clocks;

    @Autowired
    Clock serverClock;

    @Autowired
    SignUpSettings signUpSettings;

    @Autowired
    ApiKeyService apiKeys;

    @Autowired
    SecretBox secrets;

    @Autowired
    GatewayKeyCheck gatewayKeys;

    @Autowired
    TransactionTemplate inTransaction;

    @Test
    void signingUpWithLivemodeTrueMakesALiveAccountWithALiveKey() {
        Response signedUp = anonymous().post("/accounts", Map.of("name", "Real Money Inc", "email", "owner@real-money.test",
                "password", "correct horse battery", "livemode", true));

        assertThat(signedUp.status()).isEqualTo(201);
        assertThat(signedUp.text("apiKey")).startsWith("sk_live_");
        assertThat(signedUp.json().get("account").get("livemode").asBoolean()).isTrue();
        Api live = new Api(baseUrl(), signedUp.text("apiKey"), signedUp.text("account.id"));
        assertThat(live.get("/account").json().get("livemode").asBoolean()).isTrue();
        assertThat(live.get("/api-keys").json().get("data").get(0).get("livemode").asBoolean()).isTrue();
    }

    @Test
    void aSignUpWithoutLivemodeOrWithFalseIsASandbox() {
        Response absent = anonymous().post("/accounts", Map.of("name", "Sandbox One", "email", "one@sandbox.test",
                "password", "correct horse battery"));
        Response sandbox = anonymous().post("/accounts", Map.of("name", "Sandbox Two", "email", "two@sandbox.test",
                "password", "correct horse battery", "livemode", false));

        for (Response response : List.of(absent, sandbox)) {
            assertThat(response.status()).isEqualTo(201);
            assertThat(response.text("apiKey")).startsWith("sk_test_");
            assertThat(response.json().get("account").get("livemode").asBoolean()).isFalse();
        }
    }

    @Test
    void aLivemodeThatIsNotABooleanIsRefusedAndMakesNoAccount() {
        Response refused = anonymous().post("/accounts", Map.of("name", "Confused Inc", "email", "owner@confused.test",
                "password", "correct horse battery", "livemode", "yes please"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text("param")).isEqualTo("livemode");
        assertThat(jdbc.sql("select count(*) from accounts where email = 'owner@confused.test'").query(Long.class).single()).isZero();
    }

    @Test
    void aLiveAccountsObjectsAndEventsSayLive() {
        Api live = liveAccount();

        List<JsonNode> objects = objectsOfEveryKind(live);

        assertThat(objects).allSatisfy(object -> assertThat(object.get("livemode").asBoolean()).as(object.toString()).isTrue());
        JsonNode event = live.get("/events?type=customer.created").json().get("data").get(0);
        assertThat(event.get("livemode").asBoolean()).isTrue();
        assertThat(event.get("data").get("object").get("livemode").asBoolean()).isTrue();
        assertThat(live.get("/test-clock").status()).isEqualTo(404);
    }

    @Test
    void aSandboxAccountsObjectsAndEventsSayNotLive() {
        Api sandbox = signUp();

        List<JsonNode> objects = objectsOfEveryKind(sandbox);

        assertThat(objects).allSatisfy(object -> assertThat(object.get("livemode").asBoolean()).as(object.toString()).isFalse());
        JsonNode updated = sandbox.get("/events?type=customer.updated").json().get("data").get(0);
        assertThat(updated.get("data").get("object").get("livemode").asBoolean()).isFalse();
        assertThat(sandbox.get("/test-clock").json().get("livemode").asBoolean()).isFalse();
    }

    /** A customer (created, then updated), a product, a price, a tax rate, an invoice and its line, as the API answers them. */
    private List<JsonNode> objectsOfEveryKind(Api api) {
        JsonNode customer = createCustomer(api, Map.of("externalKey", "real-customer", "name", "Real Customer")).json();
        api.patch("/customers/real-customer", Map.of("name", "Renamed Customer"));
        JsonNode product = api.post("/products", Map.of("name", "Plan")).json();
        JsonNode price = api.post("/prices/" + product.get("id").asString(), Map.of("currency", "usd", "unitAmount", 1000, "type", "one_time")).json();
        JsonNode taxRate = api.post("/taxRates", Map.of("displayName", "VAT", "percentage", 20)).json();
        JsonNode invoice = api.post("/invoices", Map.of("customer", "real-customer", "currency", "usd",
                "lines", List.of(Map.of("description", "Service", "unitAmount", 500)))).json();
        JsonNode listed = api.get("/customers").json();
        assertThat(listed.has("livemode")).as("a list page belongs to no account").isFalse();
        return List.of(customer, product, price, taxRate, invoice, invoice.get("lines").get("data").get(0), listed.get("data").get(0));
    }

    @Test
    void aLiveAccountWithoutAGatewayIsToldSoWithA402() {
        Api live = liveAccount();

        assertThatThrownBy(() -> gateways.of(new Tenant(live.accountId(), true)))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.PAYMENT_REQUIRED);
                    assertThat(problem.code()).isEqualTo("gateway_not_configured");
                });
    }

    @Test
    void withoutTheSecretsKeyALiveSignUpIsRefusedAndAServerHoldingLiveAccountsWillNotStart() {
        liveAccount();
        SecretBox unset = new SecretBox("");

        // The same service, on a server without the key: a 409 that says what the operator must set.
        AccountService keyless = new AccountService(accountRepository, clocks, serverClock, signUpSettings, apiKeys, unset,
                gatewayKeys, inTransaction);
        assertThatThrownBy(() -> keyless.signUp(new SignUpRequest("Keyless Inc", "owner@keyless.test", "correct horse battery", true), null))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> {
                    assertThat(problem.status()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(problem.code()).isEqualTo("secrets_key_not_configured");
                    assertThat(problem.detail()).contains("CHACHING_SECRETS_KEY");
                });
        assertThat(jdbc.sql("select count(*) from accounts where email = 'owner@keyless.test'").query(Long.class).single()).isZero();
        // A sandbox needs no key.
        assertThat(keyless.signUp(new SignUpRequest("Sandbox Inc", "owner@keyless-sandbox.test", "correct horse battery", null), null)
                .account().livemode()).isFalse();

        // Start-up, with live accounts in the database: refused, naming the setting.
        assertThatThrownBy(() -> new LiveAccountsNeedTheSecretsKey(unset, accountRepository).run(null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("CHACHING_SECRETS_KEY");
        new LiveAccountsNeedTheSecretsKey(secrets, accountRepository).run(null);
    }
}
