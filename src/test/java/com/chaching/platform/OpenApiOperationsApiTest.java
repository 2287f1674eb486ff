package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The operations of the served /openapi.json as a client generator meets them (api.md: the description is a
 * contract): named for what they do, one template per path, and request bodies whose examples are requests the
 * description itself accepts, checked by the same independent validator the harness checks responses with.
 */
class OpenApiOperationsApiTest extends ApiTest {

    /** A verb and what it acts on, in camelCase: {@code createCustomer}, {@code signUp}; never a bare {@code get} nor {@code get_5}. */
    private static final Pattern OPERATION_ID = Pattern.compile("^[a-z]+(?:[A-Z][a-z]+)+$");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** Generated clients name their methods after these: renaming one breaks them, so it is a decision, made here. */
    private static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("GET /account", "retrieveAccount"),
            Map.entry("PATCH /account", "updateAccount"),
            Map.entry("POST /accounts", "signUp"),
            Map.entry("GET /balance", "retrieveBalance"),
            Map.entry("GET /customers", "listCustomers"),
            Map.entry("POST /customers", "createCustomer"),
            Map.entry("GET /customers/search", "searchCustomers"),
            Map.entry("DELETE /customers/{externalKey}", "deleteCustomer"),
            Map.entry("GET /customers/{externalKey}", "retrieveCustomer"),
            Map.entry("PATCH /customers/{externalKey}", "updateCustomer"),
            Map.entry("GET /customers/{externalKey}/payment-methods", "listCustomerPaymentMethods"),
            Map.entry("GET /customers/{externalKey}/payment-methods/{id}", "retrieveCustomerPaymentMethod"),
            Map.entry("GET /health", "checkHealth"),
            Map.entry("GET /", "retrieveService"),
            Map.entry("GET /api-keys", "listApiKeys"),
            Map.entry("POST /api-keys", "createApiKey"),
            Map.entry("POST /api-keys/{id}/roll", "rollApiKey"),
            Map.entry("DELETE /api-keys/{id}", "revokeApiKey"),
            Map.entry("GET /events", "listEvents"),
            Map.entry("GET /events/{id}", "retrieveEvent"),
            Map.entry("POST /webhook-endpoints", "createWebhookEndpoint"),
            Map.entry("GET /webhook-endpoints", "listWebhookEndpoints"),
            Map.entry("GET /webhook-endpoints/{id}", "retrieveWebhookEndpoint"),
            Map.entry("PATCH /webhook-endpoints/{id}", "updateWebhookEndpoint"),
            Map.entry("DELETE /webhook-endpoints/{id}", "deleteWebhookEndpoint"),
            Map.entry("POST /webhook-endpoints/{id}/rotate-secret", "rotateWebhookEndpointSecret"),
            Map.entry("GET /webhook-endpoints/{id}/deliveries", "listWebhookDeliveries"),
            Map.entry("POST /events/{id}/redeliver", "redeliverEvent"),
            Map.entry("GET /invoices", "listInvoices"),
            Map.entry("POST /invoices", "createInvoice"),
            Map.entry("DELETE /invoices/{id}", "voidInvoice"),
            Map.entry("GET /invoices/{id}", "retrieveInvoice"),
            Map.entry("PUT /invoices/{id}", "payInvoice"),
            Map.entry("POST /invoices/{id}/finalize", "finalizeInvoice"),
            Map.entry("POST /invoices/{id}/mark-uncollectible", "markInvoiceUncollectible"),
            Map.entry("GET /invoices/{id}/transactions", "listInvoiceTransactions"),
            Map.entry("GET /invoices/{id}/transactions/{transactionId}", "retrieveInvoiceTransaction"),
            Map.entry("GET /payment-methods", "listPaymentMethods"),
            Map.entry("POST /payment-methods", "createPaymentMethod"),
            Map.entry("GET /payment-methods/{id}", "retrievePaymentMethod"),
            Map.entry("POST /payment-methods/{id}/attach", "attachPaymentMethod"),
            Map.entry("POST /payment-methods/{id}/detach", "detachPaymentMethod"),
            Map.entry("GET /prices", "listPrices"),
            Map.entry("DELETE /prices/{id}", "deletePrice"),
            Map.entry("GET /prices/{id}", "retrievePrice"),
            Map.entry("POST /prices/{id}", "createPrice"),
            Map.entry("PATCH /prices/{id}/active", "updateActivePrice"),
            Map.entry("PATCH /prices/{id}/inactive", "updateInactivePrice"),
            Map.entry("GET /products", "listProducts"),
            Map.entry("POST /products", "createProduct"),
            Map.entry("GET /products/taxCodes", "listTaxCodes"),
            Map.entry("DELETE /products/{id}", "deleteProduct"),
            Map.entry("GET /products/{id}", "retrieveProduct"),
            Map.entry("PATCH /products/{id}", "updateProduct"),
            Map.entry("GET /subscriptions", "listSubscriptions"),
            Map.entry("POST /subscriptions", "createSubscription"),
            Map.entry("DELETE /subscriptions/{id}", "cancelSubscription"),
            Map.entry("GET /subscriptions/{id}", "retrieveSubscription"),
            Map.entry("PATCH /subscriptions/{id}", "updateSubscription"),
            Map.entry("POST /subscriptions/{id}/pause", "pauseSubscription"),
            Map.entry("POST /subscriptions/{id}/resume", "resumeSubscription"),
            Map.entry("GET /taxRates", "listTaxRates"),
            Map.entry("POST /taxRates", "createTaxRate"),
            Map.entry("GET /taxRates/{id}", "retrieveTaxRate"),
            Map.entry("PATCH /taxRates/{id}", "updateTaxRate"),
            Map.entry("GET /test-clock", "retrieveTestClock"),
            Map.entry("POST /test-clock/advance", "advanceTestClock"),
            Map.entry("GET /transactions", "listTransactions"),
            Map.entry("GET /transactions/{id}", "retrieveTransaction"),
            Map.entry("POST /transactions/{id}/refunds", "refundTransaction"));

    private String specJson;
    private JsonNode spec;

    @BeforeEach
    void readTheDescription() {
        Response response = anonymous().get("/openapi.json");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        specJson = response.body();
        spec = response.json();
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationIdWithoutANumber() {
        List<Op> operations = operations();
        assertThat(operations).hasSizeGreaterThan(40);

        List<String> unnamed = operations.stream().filter(op -> !OPERATION_ID.matcher(op.operationId()).matches())
                .map(op -> op + " → '" + op.operationId() + "'").toList();
        assertThat(unnamed).as("operationIds that are missing, auto-numbered or not camelCase").isEmpty();

        Map<String, List<String>> sharedIds = operations.stream()
                .collect(Collectors.groupingBy(Op::operationId, LinkedHashMap::new, Collectors.mapping(Op::toString, Collectors.toList())));
        sharedIds.values().removeIf(holders -> holders.size() == 1);
        assertThat(sharedIds).as("operationIds used more than once").isEmpty();
    }

    @Test
    void operationIdsAreStable() {
        Map<String, String> served = operations().stream().collect(Collectors.toMap(Op::toString, Op::operationId));

        assertThat(served).containsExactlyInAnyOrderEntriesOf(OPERATION_IDS);
    }

    @Test
    void everyPathHasOneTemplateSoAPriceIsCreatedUnderPricesId() {
        Map<String, List<String>> byShape = new LinkedHashMap<>();
        spec.get("paths").propertyNames().forEach(path ->
                byShape.computeIfAbsent(PATH_VARIABLE.matcher(path).replaceAll("{}"), shape -> new ArrayList<>()).add(path));
        byShape.values().removeIf(templates -> templates.size() == 1);
        assertThat(byShape).as("paths written with more than one template").isEmpty();

        assertThat(spec.get("paths").propertyNames()).doesNotContain("/prices/{productId}");
        JsonNode createPrice = spec.get("paths").get("/prices/{id}").get("post");
        assertThat(createPrice.get("operationId").asString()).isEqualTo("createPrice");
        JsonNode id = createPrice.get("parameters").valueStream()
                .filter(parameter -> parameter.get("in").asString().equals("path")).findFirst().orElseThrow();
        assertThat(id.get("name").asString()).isEqualTo("id");
        assertThat(id.get("description").asString()).contains("product");
    }

    @Test
    void payingAnInvoiceDeclaresItsPaymentFailureAndHealthItsOutage() {
        JsonNode pay = spec.get("paths").get("/invoices/{id}").get("put").get("responses");
        assertThat(pay.propertyNames()).contains("200", "402");

        JsonNode outage = spec.get("paths").get("/health").get("get").get("responses").get("503");
        assertThat(outage.get("content").get("application/json").get("schema").get("$ref").asString())
                .isEqualTo("#/components/schemas/Health");
    }

    @Test
    void everyRequestBodyCarriesAnExampleForEachMediaType() {
        List<String> withoutExample = new ArrayList<>();
        for (Op op : operationsWithBodies()) {
            op.requestBody().get("content").properties().forEach(media -> {
                if (examplesOf(media.getValue()).isEmpty()) {
                    withoutExample.add(op + " " + media.getKey());
                }
            });
        }
        assertThat(operationsWithBodies()).hasSizeGreaterThan(15);
        assertThat(withoutExample).as("request bodies without an example").isEmpty();
    }

    @Test
    void everyRequestBodyExampleIsAValidRequestOfItsOperation() {
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForInlineApiSpecification(specJson)
                // The examples are about bodies, not keys (they carry one anyway); anything else, such as a path
                // that matches no operation, still fails.
                .withLevelResolver(LevelResolver.create().withLevel("validation.request.security", ValidationReport.Level.IGNORE).build())
                .build();

        // The validator has teeth: an unknown field and a wrong type are refused (additional properties count as errors).
        ValidationReport canary = validator.validateRequest(request("POST", "/customers", "application/json", "{\"nmae\": \"Jenny\", \"email\": 42}"));
        assertThat(canary.getMessages()).extracting(ValidationReport.Message::getKey)
                .contains("validation.request.body.schema.additionalProperties", "validation.request.body.schema.type");

        List<String> refused = new ArrayList<>();
        int examples = 0;
        for (Op op : operationsWithBodies()) {
            String path = concretePath(op);
            for (Map.Entry<String, JsonNode> media : op.requestBody().get("content").properties()) {
                for (Map.Entry<String, JsonNode> example : examplesOf(media.getValue()).entrySet()) {
                    examples++;
                    ValidationReport report = validator.validateRequest(
                            request(op.method().toUpperCase(), path, media.getKey(), example.getValue().toString()));
                    report.getMessages().stream().filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                            .forEach(message -> refused.add(op + " example '" + example.getKey() + "' (" + path + "): "
                                    + message.getKey() + ": " + message.getMessage()));
                }
            }
        }
        assertThat(examples).isGreaterThanOrEqualTo(operationsWithBodies().size());
        assertThat(refused).as("request examples the description itself refuses").isEmpty();
    }

    /** One operation of the description. */
    private record Op(String path, String method, JsonNode operation) {

        String operationId() {
            JsonNode id = operation.get("operationId");
            return id == null ? "" : id.asString();
        }

        JsonNode requestBody() {
            return operation.get("requestBody");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + path;
        }
    }

    private List<Op> operations() {
        List<Op> operations = new ArrayList<>();
        spec.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.add(new Op(path.getKey(), method.getKey(), method.getValue()));
            }
        }));
        return operations;
    }

    private List<Op> operationsWithBodies() {
        return operations().stream().filter(op -> op.requestBody() != null).toList();
    }

    /** A media type's examples by name: its {@code examples} map, or its single {@code example}. */
    private static Map<String, JsonNode> examplesOf(JsonNode mediaType) {
        Map<String, JsonNode> examples = new LinkedHashMap<>();
        if (mediaType.has("example")) {
            examples.put("example", mediaType.get("example"));
        }
        JsonNode named = mediaType.get("examples");
        if (named != null) {
            named.properties().forEach(example -> {
                if (example.getValue().has("value")) {
                    examples.put(example.getKey(), example.getValue().get("value"));
                }
            });
        }
        return examples;
    }

    /** The operation's path with each variable filled in: its example if the description gives one, else a plain word. */
    private static String concretePath(Op op) {
        Map<String, String> values = new LinkedHashMap<>();
        JsonNode parameters = op.operation().get("parameters");
        if (parameters != null) {
            parameters.valueStream().filter(parameter -> parameter.get("in").asString().equals("path") && parameter.has("example"))
                    .forEach(parameter -> values.put(parameter.get("name").asString(), parameter.get("example").asString()));
        }
        Matcher variables = PATH_VARIABLE.matcher(op.path());
        return variables.replaceAll(variable -> Matcher.quoteReplacement(values.getOrDefault(variable.group(1), variable.group(1) + "-1")));
    }

    private static SimpleRequest request(String method, String path, String mediaType, String body) {
        return new SimpleRequest.Builder(method, path).withContentType(mediaType)
                .withAuthorization("Bearer sk_test_example").withBody(body).build();
    }
}
