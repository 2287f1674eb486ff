package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The endpoints around the API: health, metrics, the OpenAPI description and the browsable reference. */
class ServiceEndpointsApiTest extends ApiTest {

    @Test
    void healthAnswersWithoutAKey() {
        Response health = anonymous().get("/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("ok");
    }

    @Test
    void prometheusMetricsIncludeRequestTimings() {
        signUp().get("/customers");

        Response metrics = management().get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds").contains("hikaricp_connections");
    }

    @Test
    void theOpenApiDescriptionIsVersion30AndNamesEveryPathAndItsErrors() {
        Response response = anonymous().get("/openapi.json");

        assertThat(response.status()).isEqualTo(200);
        JsonNode openApi = response.json();
        assertThat(openApi.get("openapi").asString()).startsWith("3.0");
        JsonNode paths = openApi.get("paths");
        Map<String, List<String>> expected = Map.ofEntries(
                Map.entry("/accounts", List.of("post")),
                Map.entry("/account", List.of("get", "patch")),
                Map.entry("/test-clock", List.of("get")),
                Map.entry("/test-clock/advance", List.of("post")),
                Map.entry("/customers", List.of("get", "post")),
                Map.entry("/customers/search", List.of("get")),
                Map.entry("/customers/{externalKey}", List.of("get", "patch", "delete")),
                Map.entry("/products/taxCodes", List.of("get")),
                Map.entry("/products", List.of("get", "post")),
                Map.entry("/products/{id}", List.of("get", "patch", "delete")),
                Map.entry("/prices", List.of("get")),
                Map.entry("/prices/{id}", List.of("get", "post", "delete")),
                Map.entry("/prices/{id}/active", List.of("patch")),
                Map.entry("/prices/{id}/inactive", List.of("patch")),
                Map.entry("/taxRates", List.of("get", "post")),
                Map.entry("/taxRates/{id}", List.of("get", "patch")),
                Map.entry("/payment-methods", List.of("get", "post")),
                Map.entry("/payment-methods/{id}", List.of("get")),
                Map.entry("/payment-methods/{id}/attach", List.of("post")),
                Map.entry("/payment-methods/{id}/detach", List.of("post")),
                Map.entry("/customers/{externalKey}/payment-methods", List.of("get")),
                Map.entry("/customers/{externalKey}/payment-methods/{id}", List.of("get")),
                Map.entry("/invoices", List.of("get", "post")),
                Map.entry("/invoices/{id}", List.of("get", "put", "delete")),
                Map.entry("/invoices/{id}/finalize", List.of("post")),
                Map.entry("/invoices/{id}/transactions", List.of("get")),
                Map.entry("/invoices/{id}/transactions/{transactionId}", List.of("get")),
                Map.entry("/transactions", List.of("get")),
                Map.entry("/transactions/{id}", List.of("get")),
                Map.entry("/transactions/{id}/refunds", List.of("post")),
                Map.entry("/balance", List.of("get")),
                Map.entry("/subscriptions", List.of("get", "post")),
                Map.entry("/subscriptions/{id}", List.of("get", "patch", "delete")),
                Map.entry("/subscriptions/{id}/pause", List.of("post")),
                Map.entry("/subscriptions/{id}/resume", List.of("post")),
                Map.entry("/health", List.of("get")));
        expected.forEach((path, methods) -> methods.forEach(method -> {
            JsonNode operation = paths.get(path).get(method);
            assertThat(operation).as(method + " " + path).isNotNull();
            assertThat(operation.get("responses").propertyNames()).as(method + " " + path).contains("500");
        }));
        assertThat(paths.get("/customers").get("post").get("responses").propertyNames())
                .contains("201", "400", "401", "404", "409", "413", "415", "422", "500");
        assertThat(paths.get("/customers/{externalKey}").get("get").get("responses").propertyNames()).contains("401", "404");
        assertThat(paths.propertyNames()).noneMatch(path -> path.startsWith("/test-only") || path.equals("/error"));
        assertThat(openApi.get("components").get("schemas").get("Problem").get("properties").propertyNames())
                .contains("type", "title", "status", "detail", "code", "param", "errors");
        assertThat(openApi.get("components").get("schemas").get("Customer").get("properties").propertyNames())
                .contains("id", "object", "externalKey", "name", "email", "phone", "address", "metadata",
                        "defaultPaymentMethod", "balance", "createdAt", "updatedAt");
        assertThat(openApi.get("components").get("schemas").get("Price").get("properties").propertyNames())
                .contains("id", "object", "product", "currency", "unitAmount", "type", "recurring", "taxBehavior", "nickname",
                        "description", "lookupKey", "active", "metadata", "createdAt", "updatedAt");
        assertThat(openApi.get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
    }

    @Test
    void theBrowsableReferenceIsServedAtDocs() {
        Response docs = anonymous().get("/docs");
        assertThat(docs.status()).isEqualTo(302);
        Response page = anonymous().get(docs.header("Location").replaceFirst("^https?://[^/]+", ""));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("swagger-ui");
        assertThat(anonymous().get("/openapi.json/swagger-config").body()).contains("/openapi.json");
    }
}
