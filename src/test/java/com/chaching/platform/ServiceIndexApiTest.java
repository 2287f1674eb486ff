package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code GET /}: a newcomer who opens the server's address learns where to start, without a key. */
class ServiceIndexApiTest extends ApiTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserIsSentToTheDashboard() {
        Response page = anonymous().send("GET", "/", null, Map.of("Accept", BROWSER_ACCEPT));

        assertThat(page.status()).as(page.toString()).isEqualTo(303);
        assertThat(page.header("Location")).isEqualTo("/dashboard");
        assertThat(page.body()).isEmpty();
        assertThat(page.header("Request-Id")).startsWith("req_");
    }

    @Test
    void anApiClientGetsTheSameLinksAsJson() {
        for (String accept : new String[] {"application/json", "*/*", null}) {
            Response links = anonymous().send("GET", "/", null, accept == null ? Map.of() : Map.of("Accept", accept));

            assertThat(links.status()).as(accept + " → " + links).isEqualTo(200);
            assertThat(links.header("Content-Type")).as(accept).startsWith("application/json");
            JsonNode json = links.json();
            assertThat(json.get("object").asString()).isEqualTo("service");
            assertThat(json.get("name").asString()).isEqualTo("Chaching");
            assertThat(json.get("docs").asString()).isEqualTo("/docs");
            assertThat(json.get("openapi").asString()).isEqualTo("/openapi.json");
            assertThat(json.get("signUp").asString()).isEqualTo("POST /accounts");
        }
    }

    @Test
    void theLinksLeadSomewhereWithoutAKey() {
        JsonNode links = anonymous().get("/").json();

        assertThat(anonymous().get(links.get("openapi").asString()).status()).isEqualTo(200);
        assertThat(anonymous().get(links.get("docs").asString()).status()).isEqualTo(302);
    }

    @Test
    void aKeyIsNeitherNeededNorInTheWayButOtherMethodsStillNeedOne() {
        assertThat(signUp().get("/").status()).isEqualTo(200);
        assertThat(anonymous().send("HEAD", "/", null, Map.of("Accept", "application/json")).status()).isEqualTo(200);
        Response post = anonymous().post("/", Map.of());
        assertThat(post.status()).isEqualTo(401);
        assertThat(post.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDescriptionDocumentsBothAnswers() {
        JsonNode operation = anonymous().get("/openapi.json").json().get("paths").get("/").get("get");

        assertThat(operation.get("operationId").asString()).isEqualTo("retrieveService");
        assertThat(operation.get("security").isEmpty()).isTrue();
        JsonNode content = operation.get("responses").get("200").get("content");
        assertThat(content.propertyNames()).contains("application/json");
        assertThat(content.get("application/json").get("schema").get("$ref").asString()).isEqualTo("#/components/schemas/Service");
        assertThat(operation.get("responses").get("303").get("headers").propertyNames()).contains("Location");
    }
}
