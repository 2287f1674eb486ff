package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** events.md "Webhook endpoints": registered with a secret shown once, changed, rotated, deleted; public URLs only. */
class WebhookEndpointsApiTest extends ApiTest {

    /** A public address as an IP literal, so that no name has to resolve on this machine. */
    private static final String PUBLIC_URL = "https://93.184.215.14/hooks";

    private static Map<String, Object> endpoint(String url, String... events) {
        return Map.of("url", url, "enabledEvents", List.of(events));
    }

    @Test
    void theSecretIsShownOnceAndTheEndpointReadsBackWithoutIt() {
        Api api = signUp();

        Response created = api.post("/webhook-endpoints", Map.of("url", PUBLIC_URL, "enabledEvents", List.of("invoice.paid", "subscription.*"),
                "description", "Billing", "metadata", Map.of("team", "billing")));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSizeBetween(24, 64);
        assertThat(created.text("secretLast4")).isEqualTo(secret.substring(secret.length() - 4));
        assertThat(created.text("status")).isEqualTo("enabled");
        Response read = api.get("/webhook-endpoints/" + created.text("id"));
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.text("secretLast4")).isEqualTo(created.text("secretLast4"));
        assertThat(read.json().get("enabledEvents").valueStream().map(e -> e.asString()).toList())
                .containsExactly("invoice.paid", "subscription.*");
        assertThat(api.get("/webhook-endpoints").json().get("data").get(0).has("secret")).isFalse();
    }

    @Test
    void anEndpointIsChangedDisabledAndDeleted() {
        Api api = signUp();
        String id = api.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*")).text("id");

        Response changed = api.patch("/webhook-endpoints/" + id, Map.of("enabledEvents", List.of("customer.created"), "status", "disabled",
                "description", "Paused"));
        Response deleted = api.delete("/webhook-endpoints/" + id);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.text("status")).isEqualTo("disabled");
        assertThat(changed.text("description")).isEqualTo("Paused");
        assertThat(changed.text("url")).isEqualTo(PUBLIC_URL);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(api.get("/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(api.get("/webhook-endpoints").json().get("data").isEmpty()).isTrue();
    }

    @Test
    void rotatingGivesANewSecretOnce() {
        Api api = signUp();
        Response created = api.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*"));

        Response rotated = api.post("/webhook-endpoints/" + created.text("id") + "/rotate-secret", Map.of());

        assertThat(rotated.status()).isEqualTo(200);
        assertThat(rotated.text("secret")).startsWith("whsec_").isNotEqualTo(created.text("secret"));
        assertThat(api.get("/webhook-endpoints/" + created.text("id")).text("secretLast4"))
                .isEqualTo(rotated.text("secret").substring(rotated.text("secret").length() - 4));
    }

    @Test
    void privateLoopbackLinkLocalAndMetadataAddressesAreRefused() {
        Api api = signUp();
        for (String url : List.of("http://127.0.0.1:8080/hooks", "http://10.0.0.5/hooks", "http://169.254.169.254/latest/meta-data",
                "http://[::1]/hooks", "http://localhost/hooks", "http://192.168.1.10/", "http://100.64.0.1/", "http://0.0.0.0/",
                "http://[fd00:ec2::254]/")) {
            Response refused = api.post("/webhook-endpoints", endpoint(url, "*"));

            assertThat(refused.status()).as(url).isEqualTo(400);
            assertThat(refused.text("param")).as(url).isEqualTo("url");
        }
        String id = api.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*")).text("id");
        assertThat(api.patch("/webhook-endpoints/" + id, Map.of("url", "http://127.0.0.1/")).text("param")).isEqualTo("url");
        assertThat(api.get("/webhook-endpoints/" + id).text("url")).isEqualTo(PUBLIC_URL);
        assertThat(api.get("/webhook-endpoints").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void liveAccountsNeedHttps() {
        Api live = liveAccount();

        assertThat(live.post("/webhook-endpoints", endpoint("http://93.184.215.14/hooks", "*")).text("param")).isEqualTo("url");
        assertThat(live.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*")).status()).isEqualTo(201);
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        Api api = signUp();

        assertThat(api.post("/webhook-endpoints", endpoint("ftp://93.184.215.14/x", "*")).text("param")).isEqualTo("url");
        assertThat(api.post("/webhook-endpoints", endpoint("not a url", "*")).text("param")).isEqualTo("url");
        assertThat(api.post("/webhook-endpoints", endpoint("https://user:pw@93.184.215.14/", "*")).text("param")).isEqualTo("url");
        assertThat(api.post("/webhook-endpoints", Map.of("url", PUBLIC_URL, "enabledEvents", List.of())).text("param")).isEqualTo("enabledEvents");
        assertThat(api.post("/webhook-endpoints", endpoint(PUBLIC_URL, "Invoice.Paid")).text("param")).isEqualTo("enabledEvents[0]");
        assertThat(api.post("/webhook-endpoints", Map.of("enabledEvents", List.of("*"))).text("param")).isEqualTo("url");
        assertThat(api.post("/webhook-endpoints", Map.of("url", PUBLIC_URL + "/" + "x".repeat(2100), "enabledEvents", List.of("*"))).text("param"))
                .isEqualTo("url");
        String id = api.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*")).text("id");
        assertThat(api.patch("/webhook-endpoints/" + id, Map.of("status", "paused")).text("param")).isEqualTo("status");
        assertThat(api.get("/webhook-endpoints").json().get("data").size()).isEqualTo(1);
    }

    @Test
    void anotherAccountsEndpointIsNotFound() {
        Api owner = signUp();
        String id = owner.post("/webhook-endpoints", endpoint(PUBLIC_URL, "*")).text("id");
        Api other = signUp();

        assertThat(other.get("/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(other.patch("/webhook-endpoints/" + id, Map.of("status", "disabled")).status()).isEqualTo(404);
        assertThat(other.post("/webhook-endpoints/" + id + "/rotate-secret", Map.of()).status()).isEqualTo(404);
        assertThat(other.delete("/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(other.get("/webhook-endpoints").json().get("data").isEmpty()).isTrue();
        assertThat(owner.get("/webhook-endpoints/" + id).text("status")).isEqualTo("enabled");
    }

    @Test
    void aRetriedCreateWithTheSameKeyRegistersOneEndpoint() {
        Api api = signUp();
        Map<String, String> key = Map.of("Idempotency-Key", "register-once");

        Response first = api.send("POST", "/webhook-endpoints", endpoint(PUBLIC_URL, "*"), key);
        Response again = api.send("POST", "/webhook-endpoints", endpoint(PUBLIC_URL, "*"), key);

        assertThat(again.text("id")).isEqualTo(first.text("id"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(api.get("/webhook-endpoints").json().get("data").size()).isEqualTo(1);
    }
}
