package com.chaching.payments;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentMethodsApiTest extends ApiTest {

    @Test
    void aCardIsStoredAsWhatMayBeShownOfIt() {
        Api api = signUp();

        Response created = api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", "4242 4242 4242 4242", "expMonth", 12, "expYear", 2030, "cvc", "123"),
                "billingDetails", Map.of("name", "Jenny Rosen", "email", "jenny@example.test", "address", Map.of("country", "US")),
                "metadata", Map.of("source", "checkout")));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("id")).startsWith("pm_");
        assertThat(created.text("object")).isEqualTo("payment_method");
        assertThat(created.text("type")).isEqualTo("card");
        assertThat(created.text("card.brand")).isEqualTo("visa");
        assertThat(created.text("card.last4")).isEqualTo("4242");
        assertThat(created.json().get("card").get("expMonth").asInt()).isEqualTo(12);
        assertThat(created.json().get("card").get("expYear").asInt()).isEqualTo(2030);
        assertThat(created.text("card.funding")).isEqualTo("credit");
        assertThat(created.text("card.country")).isEqualTo("US");
        assertThat(created.text("billingDetails.name")).isEqualTo("Jenny Rosen");
        assertThat(created.text("customer")).isNull();
        assertThat(created.json().get("card").propertyNames()).doesNotContain("number", "cvc");
        assertThat(api.get("/payment-methods/" + created.text("id")).json()).isEqualTo(created.json());
    }

    @Test
    void brandsAndFundingFollowTheNumber() {
        Api api = signUp();

        assertThat(card(api, "5555555555554444", "123").text("card.brand")).isEqualTo("mastercard");
        assertThat(card(api, "378282246310005", "1234").text("card.brand")).isEqualTo("amex");
        assertThat(card(api, "4000056655665556", "123").text("card.funding")).isEqualTo("debit");
        assertThat(card(api, "5200828282828210", "123").text("card.funding")).isEqualTo("debit");
        assertThat(card(api, "4000000000000341", "123").status()).isEqualTo(201);
    }

    @Test
    void aBadCardIsRefusedFieldByFieldAndNothingIsStored() {
        Api api = signUp();
        assertThat(refusedParams(api, cardBody("4242424242424241", 12, 2030, "123"))).containsExactly("card.number");
        assertThat(refusedParams(api, cardBody("4242424242424242", 2, 2026, "123"))).containsExactly("card.expMonth");
        assertThat(refusedParams(api, cardBody("4242424242424242", 12, 2025, "123"))).containsExactly("card.expYear");
        assertThat(refusedParams(api, cardBody("4242424242424242", 13, 2030, "123"))).containsExactly("card.expMonth");
        assertThat(refusedParams(api, cardBody("4242424242424242", 12, 2030, "12"))).containsExactly("card.cvc");
        assertThat(refusedParams(api, cardBody("4242424242424242", 12, 2030, "12a"))).containsExactly("card.cvc");
        assertThat(refusedParams(api, cardBody("378282246310005", 12, 2030, "123"))).containsExactly("card.cvc");
        assertThat(refusedParams(api, cardBody("1234", 1, 2000, "x"))).containsExactlyInAnyOrder("card.number", "card.expYear", "card.cvc");
        Map<String, Object> noCvc = new HashMap<>(cardBody("4242424242424242", 12, 2030, "123"));
        noCvc.put("card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2030));
        assertThat(refusedParams(api, noCvc)).containsExactly("card.cvc");
        assertThat(refusedParams(api, Map.of("type", "sepa_debit", "card", Map.of("number", "4242424242424242", "expMonth", 12,
                "expYear", 2030, "cvc", "123")))).containsExactly("type");
        assertThat(refusedParams(api, Map.of("type", "card"))).containsExactly("card");
        assertThat(api.post("/payment-methods", "{\"type\": \"card\", \"card\": {\"number\": 4242424242424242, \"expMonth\": 12, "
                + "\"expYear\": 2030, \"cvc\": \"123\"}}").text("param")).isEqualTo("card.number");

        assertThat(api.get("/payment-methods").json().get("data").size()).isZero();
        assertThat(jdbc.sql("select count(*) from sandbox_tokens where account_id = :a").param("a", api.accountId())
                .query(Long.class).single()).isZero();
    }

    @Test
    void anExpiryIsJudgedByTheAccountsClock() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2031-02-01T00:00:00Z"));

        assertThat(refusedParams(api, cardBody("4242424242424242", 1, 2031, "123"))).containsExactly("card.expMonth");
        assertThat(api.post("/payment-methods", cardBody("4242424242424242", 2, 2031, "123")).status()).isEqualTo(201);
    }

    @Test
    void aLiveAccountMayNotSendRawCardNumbers() {
        Response response = liveAccount().post("/payment-methods", cardBody("4242424242424242", 12, 2030, "123"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.code()).isEqualTo("raw_card_data_unsupported");
    }

    @Test
    void attachingTiesTheCardToOneCustomer() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));
        createCustomer(api, Map.of("externalKey", "bob"));
        String pm = card(api, "4242424242424242", "123").text("id");

        Response attached = api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann"));
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.text("customer")).isEqualTo("ann");

        Response again = api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann"));
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(attached.json());

        Response other = api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "bob"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "nobody")).status()).isEqualTo(404);
        assertThat(api.post("/payment-methods/pm_missing/attach", Map.of("customer", "ann")).status()).isEqualTo(404);
        assertThat(api.post("/payment-methods/" + pm + "/attach", Map.of()).text("param")).isEqualTo("customer");
        assertThat(api.get("/payment-methods/" + pm).text("customer")).isEqualTo("ann");
    }

    @Test
    void detachingLetsGoAndClearsTheCustomersDefault() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));
        String pm = card(api, "4242424242424242", "123").text("id");
        assertThat(api.post("/payment-methods/" + pm + "/detach", Map.of()).status()).isEqualTo(409);
        api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann"));
        assertThat(api.patch("/customers/ann", Map.of("defaultPaymentMethod", pm)).text("defaultPaymentMethod")).isEqualTo(pm);

        Response detached = api.post("/payment-methods/" + pm + "/detach", Map.of());

        assertThat(detached.status()).isEqualTo(200);
        assertThat(detached.text("customer")).isNull();
        assertThat(api.get("/customers/ann").text("defaultPaymentMethod")).isNull();
        assertThat(api.get("/customers/ann/payment-methods").json().get("data").size()).isZero();
        assertThat(api.post("/payment-methods/" + pm + "/detach", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aDefaultPaymentMethodMustBeAttachedToThatCustomer() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));
        createCustomer(api, Map.of("externalKey", "bob"));
        String annsCard = card(api, "4242424242424242", "123").text("id");
        String loose = card(api, "5555555555554444", "123").text("id");
        api.post("/payment-methods/" + annsCard + "/attach", Map.of("customer", "ann"));

        for (String candidate : List.of(loose, "pm_missing")) {
            Response refused = api.patch("/customers/ann", Map.of("defaultPaymentMethod", candidate));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.text("param")).isEqualTo("defaultPaymentMethod");
        }
        assertThat(api.patch("/customers/bob", Map.of("defaultPaymentMethod", annsCard)).status()).isEqualTo(400);
        assertThat(api.patch("/customers/ann", Map.of("defaultPaymentMethod", annsCard)).text("defaultPaymentMethod")).isEqualTo(annsCard);
        assertThat(api.patch("/customers/ann", Map.of("name", "Ann")).text("defaultPaymentMethod")).isEqualTo(annsCard);
        assertThat(api.patch("/customers/ann", Map.of("defaultPaymentMethod", "")).text("defaultPaymentMethod")).isNull();
    }

    @Test
    void deletingACustomerDetachesItsPaymentMethods() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "leaving"));
        String pm = card(api, "4242424242424242", "123").text("id");
        api.post("/payment-methods/" + pm + "/attach", Map.of("customer", "leaving"));

        api.delete("/customers/leaving");

        assertThat(api.get("/payment-methods/" + pm).text("customer")).isNull();
    }

    @Test
    void listsFilterByCustomerAndTheCustomersOwnListShowsOnlyTheirs() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));
        createCustomer(api, Map.of("externalKey", "bob"));
        String a1 = card(api, "4242424242424242", "123").text("id");
        String b1 = card(api, "5555555555554444", "123").text("id");
        String a2 = card(api, "378282246310005", "1234").text("id");
        String loose = card(api, "4000056655665556", "123").text("id");
        api.post("/payment-methods/" + a1 + "/attach", Map.of("customer", "ann"));
        api.post("/payment-methods/" + b1 + "/attach", Map.of("customer", "bob"));
        api.post("/payment-methods/" + a2 + "/attach", Map.of("customer", "ann"));

        assertThat(ids(api.get("/payment-methods"))).containsExactly(loose, a2, b1, a1);
        assertThat(ids(api.get("/payment-methods?customer=ann"))).containsExactly(a2, a1);
        assertThat(ids(api.get("/payment-methods?type=card&limit=2"))).containsExactly(loose, a2);
        assertThat(ids(api.get("/customers/ann/payment-methods"))).containsExactly(a2, a1);
        assertThat(ids(api.get("/customers/ann/payment-methods?limit=1&startingAfter=" + a2))).containsExactly(a1);
        assertThat(api.get("/customers/ann/payment-methods/" + a1).text("id")).isEqualTo(a1);
        assertThat(api.get("/customers/ann/payment-methods/" + b1).status()).isEqualTo(404);
        assertThat(api.get("/customers/ann/payment-methods/" + loose).status()).isEqualTo(404);
        assertThat(api.get("/customers/nobody/payment-methods").status()).isEqualTo(404);
        assertThat(api.get("/payment-methods?customer=nobody").status()).isEqualTo(404);
        assertThat(api.get("/payment-methods?type=bank").status()).isEqualTo(400);
    }

    @Test
    void anotherAccountSeesNothingAndChangesNothing() {
        Api owner = signUp();
        Api other = signUp();
        createCustomer(owner, Map.of("externalKey", "ann"));
        createCustomer(other, Map.of("externalKey", "ann"));
        String pm = card(owner, "4242424242424242", "123").text("id");
        owner.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann"));

        assertThat(other.get("/payment-methods/" + pm).status()).isEqualTo(404);
        assertThat(other.post("/payment-methods/" + pm + "/attach", Map.of("customer", "ann")).status()).isEqualTo(404);
        assertThat(other.post("/payment-methods/" + pm + "/detach", Map.of()).status()).isEqualTo(404);
        assertThat(other.get("/customers/ann/payment-methods/" + pm).status()).isEqualTo(404);
        assertThat(other.get("/payment-methods").json().get("data").size()).isZero();
        assertThat(other.get("/customers/ann/payment-methods").json().get("data").size()).isZero();
        assertThat(other.patch("/customers/ann", Map.of("defaultPaymentMethod", pm)).status()).isEqualTo(400);
        assertThat(owner.get("/payment-methods/" + pm).text("customer")).isEqualTo("ann");
    }

    @Test
    void createAttachAndDetachAreIdempotent() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ann"));

        Response created = api.send("POST", "/payment-methods", cardBody("4242424242424242", 12, 2030, "123"), Map.of("Idempotency-Key", "pm-1"));
        Response createdAgain = api.send("POST", "/payment-methods", cardBody("4242424242424242", 12, 2030, "123"), Map.of("Idempotency-Key", "pm-1"));
        assertThat(createdAgain.body()).isEqualTo(created.body());
        assertThat(api.get("/payment-methods").json().get("data").size()).isEqualTo(1);

        String pm = created.text("id");
        Response attached = api.send("POST", "/payment-methods/" + pm + "/attach", Map.of("customer", "ann"), Map.of("Idempotency-Key", "attach-1"));
        Response attachedAgain = api.send("POST", "/payment-methods/" + pm + "/attach", Map.of("customer", "ann"), Map.of("Idempotency-Key", "attach-1"));
        assertThat(attachedAgain.body()).isEqualTo(attached.body());
        assertThat(attachedAgain.header("Idempotent-Replayed")).isEqualTo("true");

        Response detached = api.send("POST", "/payment-methods/" + pm + "/detach", Map.of(), Map.of("Idempotency-Key", "detach-1"));
        Response detachedAgain = api.send("POST", "/payment-methods/" + pm + "/detach", Map.of(), Map.of("Idempotency-Key", "detach-1"));
        assertThat(detached.status()).isEqualTo(200);
        assertThat(detachedAgain.status()).isEqualTo(200);
        assertThat(detachedAgain.body()).isEqualTo(detached.body());
    }

    private static Response card(Api api, String number, String cvc) {
        Response response = api.post("/payment-methods", cardBody(number, 12, 2030, cvc));
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response;
    }

    static Map<String, Object> cardBody(String number, int expMonth, int expYear, String cvc) {
        return Map.of("type", "card", "card", Map.of("number", number, "expMonth", expMonth, "expYear", expYear, "cvc", cvc));
    }

    private static List<String> refusedParams(Api api, Map<String, ?> body) {
        Response response = api.post("/payment-methods", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        return response.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList();
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        return list.json().get("data").valueStream().map(c -> c.get("id").asString()).toList();
    }
}
