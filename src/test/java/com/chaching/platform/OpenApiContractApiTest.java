package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.ResponseConformance;
import com.chaching.testing.Response;
import java.net.http.HttpHeaders;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI description as a contract a generated client can rely on (api.md): what can be null
 * says so, what is always there is required, every status and header is described, and the test harness's
 * validator really rejects a response that drifts from it.
 */
class OpenApiContractApiTest extends ApiTest {

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private JsonNode description() {
        Response response = anonymous().get("/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /**
     * docs/openapi.json is what the generated client of the walk-through test is built from, and what a
     * reader can diff; it must be the description the server serves. The build writes the served one to
     * target/openapi.json, where .ci/run lints it.
     */
    @Test
    void theCommittedDescriptionIsTheServedOne() throws Exception {
        JsonNode served = description();
        Path written = Path.of("target", "openapi.json");
        Files.writeString(written, PRETTY.writeValueAsString(served) + "\n");

        JsonNode committed = PRETTY.readTree(Path.of("docs", "openapi.json").toFile());
        assertThat(committed).as("docs/openapi.json differs from the served description: "
                + "cp target/openapi.json docs/openapi.json, and review the difference").isEqualTo(served);
    }

    @Test
    void everyReferenceResolvesToADefinedSchemaOrHeader() {
        JsonNode openApi = description();
        List<String> refs = new ArrayList<>();
        collectRefs(openApi, refs);

        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).matches("#/components/(schemas|headers)/[^/]+");
            String[] parts = ref.split("/");
            assertThat(openApi.get("components").get(parts[2]).has(parts[3])).as(ref).isTrue();
        });
        assertThat(refs).contains("#/components/headers/RateLimit-Limit");
    }

    @Test
    void fieldsThatComeBackNullAreNullableAndAllFieldsOfAResponseAreRequired() {
        JsonNode schemas = description().get("components").get("schemas");
        JsonNode customer = schemas.get("Customer");

        assertThat(customer.get("required").valueStream().map(JsonNode::asString).toList())
                .contains("id", "object", "externalKey", "phone", "address", "balance", "balanceCurrency", "createdAt");
        for (String field : List.of("name", "email", "phone", "defaultPaymentMethod", "balanceCurrency")) {
            assertThat(customer.get("properties").get(field).path("nullable").asBoolean()).as(field).isTrue();
        }
        assertThat(customer.get("properties").get("id").has("nullable")).isFalse();
        assertThat(customer.get("properties").get("address").get("$ref").asString()).isEqualTo("#/components/schemas/Address");
        assertThat(schemas.get("Address").get("nullable").asBoolean()).isTrue();
        assertThat(schemas.get("TaxRate").get("properties").get("country").get("nullable").asBoolean()).isTrue();
        assertThat(schemas.get("Problem").get("required").valueStream().map(JsonNode::asString).toList())
                .containsExactlyInAnyOrder("type", "title", "status", "detail", "code");
        assertThat(schemas.get("DeletedObject").get("properties").get("deleted").get("type").asString()).isEqualTo("boolean");
        assertThat(schemas.get("DeletedObject").get("properties").get("deleted").has("enum")).isFalse();
    }

    @Test
    void everyOperationDescribesItsErrorsAndHeaders() {
        JsonNode paths = description().get("paths");

        JsonNode pay = paths.get("/invoices/{id}").get("put");
        assertThat(pay.get("responses").propertyNames()).contains("200", "400", "401", "402", "404", "406", "409", "422", "429", "500");
        assertThat(pay.get("responses").get("402").get("content").get("application/problem+json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(pay.get("responses").get("200").get("headers").propertyNames()).contains("Request-Id", "Idempotent-Replayed");
        assertThat(pay.get("responses").get("429").get("headers").propertyNames()).contains("Retry-After", "Request-Id");
        assertThat(pay.get("parameters").valueStream().map(parameter -> parameter.get("name").asString()).toList())
                .contains("Idempotency-Key");
        paths.forEachEntry((path, item) -> item.forEachEntry((method, operation) -> operation.get("responses")
                .forEachEntry((status, answer) -> assertThat(answer.get("headers").has("Request-Id"))
                        .as(method + " " + path + " " + status).isTrue())));
    }

    @Test
    void answersNoOperationExpectsAreDescribedToo() {
        // The harness checks each of these against the description: a 400 on health, a 406 anywhere.
        assertThat(anonymous().rawGet("/health?q=%zz").status()).isEqualTo(400);
        assertThat(signUp().send("GET", "/customers", null, Map.of("Accept", "text/csv")).status()).isEqualTo(406);
    }

    @Test
    void theServerIsRelativeAndTheLicenceIsNamed() {
        JsonNode openApi = description();

        assertThat(openApi.get("servers").valueStream().map(server -> server.get("url").asString()).toList()).containsExactly("/");
        assertThat(openApi.get("info").get("license").get("name").asString()).isNotBlank();
    }

    @Test
    void theHarnessRejectsAResponseThatDriftsFromTheDescription() {
        Api api = signUp();
        String key = createCustomer(api, Map.of("externalKey", "drift")).text("externalKey");
        HttpHeaders json = HttpHeaders.of(Map.of("Content-Type", List.of("application/json")), (name, value) -> true);
        String real = api.get("/customers/" + key).body();

        assertThatThrownBy(() -> checkAgainstDescription(real.replace("\"balance\":0", "\"balance\":\"0\""), json))
                .hasMessageContaining("/balance");
        assertThatThrownBy(() -> checkAgainstDescription(real.replace("\"id\":\"cus_", "\"id\":null,\"was\":\"cus_"), json))
                .hasMessageContaining("/id");
        assertThatThrownBy(() -> checkAgainstDescription(real.replace("\"object\":\"customer\",", ""), json))
                .hasMessageContaining("object");
        assertThatThrownBy(() -> checkAgainstDescription(real.replace("\"metadata\":{}", "\"metadata\":{\"n\":1}"), json))
                .hasMessageContaining("/metadata/n");
    }

    private void checkAgainstDescription(String body, HttpHeaders headers) {
        ResponseConformance.check(baseUrl(), "GET", "/customers/drift", new Response(200, headers, body));
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.forEachEntry((name, child) -> {
                if (name.equals("$ref")) {
                    refs.add(child.asString());
                } else {
                    collectRefs(child, refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
