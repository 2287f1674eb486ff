package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.CapturedLog;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** api.md "Errors": every failure is problem+json with a stable code, and none leaks internals. */
class ErrorsApiTest extends ApiTest {

    /** Spring MVC's logger for a request no controller maps (a WARN per unknown path). */
    private static final String UNMAPPED_PATHS_LOGGER = "org.springframework.web.servlet.PageNotFound";

    @Test
    void malformedJsonIsABadRequest() {
        Response response = signUp().post("/customers", "{\"name\": ");

        assertProblem(response, 400, "json_invalid");
    }

    @Test
    void anUnknownFieldIsNamed() {
        Response response = signUp().post("/customers", Map.of("nmae", "typo"));

        assertProblem(response, 400, "parameter_unknown");
        assertThat(response.text("param")).isEqualTo("nmae");
    }

    @Test
    void aWrongTypeIsNamedWithItsPath() {
        Api api = signUp();

        Response number = api.post("/customers", "{\"name\": 42}");
        assertProblem(number, 400, "parameter_invalid");
        assertThat(number.text("param")).isEqualTo("name");

        Response nested = api.post("/customers", "{\"address\": {\"country\": [\"US\"]}}");
        assertThat(nested.text("param")).isEqualTo("address.country");

        Response map = api.post("/customers", "{\"metadata\": {\"a\": {\"b\": 1}}}");
        assertThat(map.text("param")).isEqualTo("metadata.a");

        assertThat(api.patch("/account", "{\"settlementDays\": \"2\"}").text("param")).isEqualTo("settlementDays");
        assertThat(api.patch("/account", "{\"settlementDays\": 2.5}").text("param")).isEqualTo("settlementDays");
    }

    @Test
    void aWrongEnumValueListsTheAllowedOnesAndANulCharacterIsNamedAsSuch() {
        Api api = signUp();

        Response wrongEnum = api.patch("/account", Map.of("afterRetries", "never"));
        assertThat(wrongEnum.text("param")).isEqualTo("afterRetries");
        assertThat(wrongEnum.text("detail")).contains("cancel, unpaid");

        Response nul = api.post("/customers", "{\"name\": \"a\\u0000b\"}");
        assertThat(nul.text("param")).isEqualTo("name");
        assertThat(nul.text("detail")).contains("NUL");
    }

    @Test
    void aMalformedQueryStringIsABadRequestNotAServerError() {
        Api api = signUp();

        Response response = api.rawGet("/customers?email=%zz");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        String metrics = management().get("/actuator/prometheus").body();
        assertThat(metrics.lines().filter(line -> line.startsWith("http_server_requests_seconds_count") && line.contains("status=\"500\"")
                && line.contains("uri=\"/customers\""))).isEmpty();
    }

    @Test
    void everyFailingFieldIsListed() {
        Response response = signUp().patch("/account", Map.of("timeZone", "Mars/Olympus", "invoicePrefix", "x", "settlementDays", 99));

        assertProblem(response, 400, "parameter_invalid");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("param").asString()).toList())
                .containsExactlyInAnyOrder("timeZone", "invoicePrefix", "settlementDays");
    }

    @Test
    void aMissingOrUnknownKeyIsUnauthenticated() {
        assertProblem(anonymous().get("/customers"), 401, "unauthenticated");
        assertProblem(anonymous().withKey("sk_test_" + "x".repeat(32)).get("/customers"), 401, "unauthenticated");
        assertProblem(anonymous().withKey("not a key").get("/customers"), 401, "unauthenticated");
        assertProblem(anonymous().send("GET", "/customers", null, Map.of("Authorization", "Basic dXNlcjpwYXNz")), 401, "unauthenticated");
    }

    @Test
    void anUnknownPathIsNotFoundAndLoggedUnderItsRequestId() {
        Api api = signUp();
        try (CapturedLog log = CapturedLog.of(UNMAPPED_PATHS_LOGGER)) {
            Response response = api.get("/no/such/path");

            assertProblem(response, 404, "path_not_found");
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage()).contains("GET /no/such/path");
                assertThat(CapturedLog.requestId(event)).isEqualTo(response.header("Request-Id"));
            });
        }
    }

    @Test
    void aUrlTomcatRefusesStillGetsAProblemWithARequestId() {
        Api api = signUp();
        for (String path : new String[] {"/customers/%00x", "/customers/a%2Fb", "/customers/%5C..%5Cx"}) {
            Response response = api.get(path);
            assertThat(response.status()).as(path).isBetween(400, 404);
            assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
            assertThat(response.header("Request-Id")).as(path).startsWith("req_");
            assertThat(response.json().get("status").asInt()).isEqualTo(response.status());
        }
    }

    @Test
    void aKnownPathWithAnotherMethodIsNotAllowed() {
        Response response = signUp().send("PUT", "/customers", "{}", Map.of());

        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.header("Allow")).contains("GET").contains("POST");
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String big = "{\"name\": \"" + "x".repeat(RequestGuardFilter.MAX_BODY_BYTES) + "\"}";

        assertProblem(signUp().post("/customers", big), 413, "body_too_large");
    }

    @Test
    void aBodyThatIsNotJsonIsUnsupported() {
        Response response = signUp().send("POST", "/customers", "name=x", Map.of("Content-Type", "application/x-www-form-urlencoded"));

        assertProblem(response, 415, "unsupported_media_type");
        assertProblem(signUp().send("POST", "/customers", "name", Map.of("Content-Type", "text/plain")), 415, "unsupported_media_type");
    }

    @Test
    void aServerFailureShowsNoInternalsAndIsLoggedUnderItsRequestId() {
        Api api = signUp();
        try (CapturedLog log = CapturedLog.of(ApiExceptionHandler.class)) {
            Response response = api.post("/test-only/failure", Map.of());

            assertProblem(response, 500, "internal_error");
            assertThat(response.body()).doesNotContain("secret_table").doesNotContain("select").doesNotContain("Exception")
                    .doesNotContain("at com.");
            // The operator finds the cause in the log, under the Request-Id the client was given.
            assertThat(log.events()).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.ERROR);
                assertThat(CapturedLog.requestId(event)).isEqualTo(response.header("Request-Id"));
                assertThat(event.getThrowableProxy().getClassName()).isEqualTo(IllegalStateException.class.getName());
                assertThat(event.getThrowableProxy().getMessage()).contains("secret_table");
            });
        }
    }

    @Test
    void everyResponseCarriesARequestId() {
        Api api = signUp();
        try (CapturedLog unmapped = CapturedLog.of(UNMAPPED_PATHS_LOGGER)) {
            for (Response response : new Response[] {api.get("/customers"), api.get("/nowhere"), anonymous().get("/health"),
                    anonymous().get("/customers"), api.post("/customers", "{")}) {
                assertThat(response.header("Request-Id")).as(response.toString()).startsWith("req_");
            }
            assertThat(unmapped.events()).extracting(ILoggingEvent::getFormattedMessage).containsExactly("No mapping for GET /nowhere");
        }
        assertThat(api.get("/customers").header("Request-Id")).isNotEqualTo(api.get("/customers").header("Request-Id"));
    }

    static void assertProblem(Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(code);
        assertThat(response.json().get("status").asInt()).isEqualTo(status);
        assertThat(response.text("type")).isEqualTo("urn:chaching:problem:" + code);
        assertThat(response.text("title")).isNotBlank();
        assertThat(response.text("detail")).isNotBlank();
    }
}
