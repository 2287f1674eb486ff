package com.chaching.platform;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * What the controllers' annotations cannot say once for all (api.md, "The OpenAPI description is a
 * contract"): every error status each operation can answer, as problem+json; the headers every response or
 * request carries; and which response fields are always present.
 */
@Component
class OpenApiContract implements OpenApiCustomizer {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String SCHEMA_PREFIX = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        ModelConverters.getInstance().readAll(ProblemBody.class).forEach(openApi.getComponents()::addSchemas);
        RATE_LIMIT_HEADERS.forEach(openApi.getComponents()::addHeaders);
        if (openApi.getPaths() != null) {
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                    describe(path, method, operation)));
        }
        requireAlwaysPresentFields(openApi);
        nullableReferencesToNullableSchemas(openApi.getComponents().getSchemas());
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean isPublic = PublicPaths.isPublic(method.name(), path);
        boolean mutating = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        boolean health = path.equals("/health");
        if (isPublic) {
            operation.setSecurity(List.of());
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        if (mutating && !isPublic) {
            operation.addParametersItem(new Parameter().in("header").name(IdempotencyFilter.KEY_HEADER).required(false)
                    .description("Makes the request safe to retry: up to 255 characters, kept for 24 hours per account.")
                    .schema(new Schema<String>().type("string").maxLength(IdempotencyFilter.MAX_KEY_LENGTH)));
            responses.forEach((status, response) -> {
                if (status.startsWith("2")) {
                    response.addHeaderObject(IdempotencyFilter.REPLAYED_HEADER, new Header()
                            .description("true when this is the stored answer to an earlier request with the same Idempotency-Key.")
                            .schema(new Schema<String>().type("string")._enum(List.of("true"))));
                }
            });
        }
        // Even GET /health answers 400 to a query string that cannot be decoded (RequestGuardFilter).
        addProblem(responses, "400", "The request is invalid: malformed JSON, an unknown field, a wrong type or a failed validation; every failing field is listed in errors.");
        if (!isPublic || path.equals("/accounts")) {
            addProblem(responses, "401", "No API key, or an unknown one.");
        }
        if (!isPublic) {
            addProblem(responses, "404", "No such object in this account (another account's objects are answered the same), or no such path.");
        }
        addProblem(responses, "406", "The Accept header excludes application/json; nothing was done.");
        if (mutating) {
            addProblem(responses, "409", "The object's state forbids this, a unique value is taken, or a request with this Idempotency-Key is still running.");
            addProblem(responses, "413", "The body is over 1 MiB.");
            addProblem(responses, "415", "The body is not JSON.");
            if (!isPublic) {
                addProblem(responses, "422", "This Idempotency-Key was used with a different request.");
            }
        }
        if (!health) {
            addProblem(responses, "429", "Too many requests: retry after the number of seconds in Retry-After.");
            responses.get("429").addHeaderObject("Retry-After", new Header()
                    .description("Seconds to wait before retrying.").schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ZERO)));
        }
        addProblem(responses, "500", "An unexpected failure; the body names no internals, and the server logged it under the Request-Id.");
        if (!path.equals("/")) {
            addProblem(responses, "503", "Too busy: no database connection came free in time. Nothing was done; retry after the seconds in Retry-After.");
            if (responses.get("503").getContent() != null && responses.get("503").getContent().containsKey(ProblemBody.MEDIA_TYPE)) {
                responses.get("503").addHeaderObject("Retry-After", new Header()
                        .description("Seconds to wait before retrying.").schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ZERO)));
            }
        }
        responses.forEach((status, response) -> {
            // A success or a redirect (GET / sends a browser to the dashboard) says what it carries, if anything.
            if (response.getContent() == null && !status.startsWith("2") && !status.startsWith("3")) {
                response.content(problemContent());
            }
            response.addHeaderObject(RequestIdFilter.HEADER, new Header()
                    .description("Names this request in the server's log; quote it when asking about a response.")
                    .schema(new Schema<String>().type("string")));
            // Known once the key is: every answer but a 401 (and a 400 refused before the key is read) says them.
            if (!isPublic && !status.equals("401")) {
                addRateLimitHeaders(response);
            }
        });
        operation.setResponses(responses);
    }

    /** docs/operations.md "Rate limits": the account's budget for this kind of request, as the IETF draft names it. */
    private static final Map<String, Header> RATE_LIMIT_HEADERS = Map.of(
            RateLimitFilter.LIMIT, new Header().description("How many requests of this kind (reads, or writes) the account may make a second.")
                    .schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ONE)),
            RateLimitFilter.REMAINING, new Header().description("How many more it may make now.")
                    .schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ZERO)),
            RateLimitFilter.RESET, new Header().description("Seconds until the budget is whole again.")
                    .schema(new Schema<Integer>().type("integer").minimum(java.math.BigDecimal.ZERO)));

    /** The rate-limit headers by reference to the components', so that the description says them once. */
    private static void addRateLimitHeaders(ApiResponse response) {
        new TreeMap<>(RATE_LIMIT_HEADERS).keySet().forEach(name -> response.addHeaderObject(name, new Header().$ref("#/components/headers/" + name)));
    }

    private static void addProblem(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(problemContent()));
        }
    }

    private static Content problemContent() {
        return new Content().addMediaType(ProblemBody.MEDIA_TYPE, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    /**
     * A schema only responses use lists every field the JSON always carries as required, so that a
     * generated client may rely on them; a schema requests use too keeps the request's own required list.
     */
    @SuppressWarnings("rawtypes")
    private static void requireAlwaysPresentFields(OpenAPI openApi) {
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> inResponses = reachable(schemas, openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .flatMap(operation -> operation.getResponses().values().stream())
                .flatMap(response -> mediaSchemas(response.getContent())));
        Set<String> inRequests = reachable(schemas, openApi.getPaths().values().stream()
                .flatMap(item -> item.readOperations().stream())
                .filter(operation -> operation.getRequestBody() != null)
                .flatMap(operation -> mediaSchemas(operation.getRequestBody().getContent())));
        schemas.forEach((name, schema) -> {
            Object alwaysPresent = schema.getExtensions() == null ? null : schema.getExtensions().remove(RecordSchemaNullability.ALWAYS_PRESENT);
            if (schema.getExtensions() != null && schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
            if (alwaysPresent instanceof Collection<?> fields && inResponses.contains(name) && !inRequests.contains(name)) {
                Set<String> required = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
                fields.forEach(field -> required.add((String) field));
                schema.setRequired(required.stream().sorted().toList());
            }
        });
    }

    /**
     * A nullable reference is written {@code allOf: [$ref], nullable: true}, which validators that add
     * {@code additionalProperties: false} cannot read (an allOf's branch sees only its own properties). When
     * every reference to a schema is nullable, the schema itself is made nullable and the references plain.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableReferencesToNullableSchemas(Map<String, Schema> components) {
        Set<String> nullablyReferenced = new HashSet<>();
        Set<String> plainlyReferenced = new HashSet<>();
        allProperties(components).forEach(property -> {
            if (nullableReference(property) != null) {
                nullablyReferenced.add(nullableReference(property));
            } else if (property.get$ref() != null) {
                plainlyReferenced.add(property.get$ref().substring(SCHEMA_PREFIX.length()));
            }
        });
        nullablyReferenced.removeAll(plainlyReferenced);
        for (Schema schema : components.values()) {
            if (schema.getProperties() == null) {
                continue;
            }
            Map<String, Schema> properties = schema.getProperties();
            properties.replaceAll((name, property) -> {
                String target = nullableReference(property);
                if (target == null || !nullablyReferenced.contains(target)) {
                    return property;
                }
                components.get(target).setNullable(true);
                return new Schema<>().$ref(SCHEMA_PREFIX + target);
            });
        }
    }

    /** Every property of every component schema, and the items of those that are arrays. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Stream<Schema> allProperties(Map<String, Schema> components) {
        return components.values().stream().filter(schema -> schema.getProperties() != null)
                .flatMap(schema -> ((Map<String, Schema>) schema.getProperties()).values().stream())
                .flatMap(property -> property.getItems() == null ? Stream.of(property) : Stream.of(property, property.getItems()));
    }

    /** The schema a property {@code allOf: [$ref], nullable: true} refers to, or null for any other property. */
    @SuppressWarnings("rawtypes")
    private static @Nullable String nullableReference(Schema property) {
        List<Schema> allOf = property.getAllOf();
        if (!Boolean.TRUE.equals(property.getNullable()) || allOf == null || allOf.size() != 1 || allOf.getFirst().get$ref() == null) {
            return null;
        }
        return allOf.getFirst().get$ref().substring(SCHEMA_PREFIX.length());
    }

    @SuppressWarnings("rawtypes")
    private static Stream<Schema> mediaSchemas(@Nullable Content content) {
        return content == null ? Stream.empty() : content.values().stream().map(MediaType::getSchema).filter(Objects::nonNull);
    }

    /** The names of the component schemas the given schemas refer to, directly or through others. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Set<String> reachable(Map<String, Schema> components, Stream<Schema> roots) {
        Set<String> names = new HashSet<>();
        Deque<Schema> pending = new ArrayDeque<>(roots.toList());
        while (!pending.isEmpty()) {
            Schema schema = pending.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(SCHEMA_PREFIX.length());
                if (names.add(name) && components.get(name) != null) {
                    pending.push(components.get(name));
                }
                continue;
            }
            if (schema.getProperties() != null) {
                pending.addAll(schema.getProperties().values());
            }
            Stream.of(schema.getItems(), schema.getAdditionalProperties() instanceof Schema extra ? extra : null)
                    .filter(Objects::nonNull).forEach(pending::push);
            Stream.of(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())
                    .filter(Objects::nonNull).forEach(pending::addAll);
        }
        return names;
    }
}
