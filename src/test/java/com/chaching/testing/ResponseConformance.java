package com.chaching.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks every response an HTTP test gets against the OpenAPI description the server itself serves,
 * with Atlassian's swagger-request-validator: the whole suite is then a conformance suite, and a response
 * that drifts from the description fails the test that provoked it.
 */
public final class ResponseConformance {

    /**
     * Paths that serve something other than the API (the description itself, the reference page, metrics, the
     * dashboard and its scripts),
     * and the test-only endpoints some tests add to provoke failures.
     */
    private static final List<String> NOT_API = List.of("/openapi.json", "/docs", "/swagger-ui", "/actuator", "/test-only",
            "/dashboard", "/webjars");
    private static final String PATH_MISSING = "validation.request.path.missing";
    private static final String METHOD_MISSING = "validation.request.operation.notAllowed";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, OpenApiInteractionValidator> BY_SERVER = new ConcurrentHashMap<>();

    private ResponseConformance() {
    }

    /** Fails with every difference between the response and what the description promises for it. */
    public static void check(String baseUrl, String method, String target, Response response) {
        String path = pathOf(target);
        if (NOT_API.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + "/"))) {
            return;
        }
        // HEAD is the GET of the same path without its body (RFC 9110), which no operation describes apart.
        boolean head = method.equals("HEAD");
        Request.Method verb = head ? Request.Method.GET : Request.Method.valueOf(method);
        SimpleResponse.Builder simple = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> simple.withHeader(name, values));
        if (!response.body().isEmpty()) {
            simple.withBody(response.body());
        }
        List<String> problems = validator(baseUrl).validateResponse(path, verb, simple.build()).getMessages().stream()
                .filter(message -> message.getLevel() == ValidationReport.Level.ERROR)
                .filter(message -> !isTheRightAnswerToNoOperation(message.getKey(), response))
                .filter(message -> !(head && message.getKey().equals("validation.response.body.missing")))
                .map(message -> "  - " + message.getKey() + ": " + message.getMessage())
                .toList();
        if (!problems.isEmpty()) {
            throw new AssertionError("The response to " + method + " " + target + " does not match /openapi.json:\n"
                    + String.join("\n", problems) + "\nResponse: " + response);
        }
    }

    /**
     * A path the description does not have is a 404 problem, and a method a path does not have a 405 problem
     * naming the methods it has (or a 401 first, without a key); no operation describes those answers, so
     * they are checked here.
     */
    private static boolean isTheRightAnswerToNoOperation(String key, Response response) {
        boolean problem = String.valueOf(response.header("Content-Type")).startsWith("application/problem+json");
        return switch (key) {
            case PATH_MISSING -> (response.status() == 404 || response.status() == 401) && problem;
            case METHOD_MISSING -> (response.status() == 405 && response.header("Allow") != null || response.status() == 401) && problem;
            default -> false;
        };
    }

    private static String pathOf(String target) {
        int query = target.indexOf('?');
        return query < 0 ? target : target.substring(0, query);
    }

    private static OpenApiInteractionValidator validator(String baseUrl) {
        return BY_SERVER.computeIfAbsent(baseUrl, url -> OpenApiInteractionValidator
                .createForInlineApiSpecification(fetch(url + "/openapi.json"))
                .withLevelResolver(LevelResolver.create().build())
                .withStrictOperationPathMatching()
                .build());
    }

    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
