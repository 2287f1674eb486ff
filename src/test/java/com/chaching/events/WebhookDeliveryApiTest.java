package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * events.md "Delivery", to a real HTTP receiver on loopback (so private addresses are allowed here), with
 * signatures checked by the Standard Webhooks reference library. The scheduled worker is held off; the
 * tests run it themselves and move the server clock instead of waiting.
 */
@TestPropertySource(properties = {"chaching.webhooks.allow-private=true", "chaching.webhooks.delivery-interval=PT1H"})
class WebhookDeliveryApiTest extends ApiTest {

    /** What the receiver got. */
    record Received(HttpHeaders headers, String body) {
    }

    @Autowired
    WebhookWorker worker;

    @Autowired
    WebhookDeliveries deliveries;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Deque<Integer> answers = new ArrayDeque<>();

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            received.add(new Received(HttpHeaders.of(exchange.getRequestHeaders(), (name, value) -> true),
                    new String(body, StandardCharsets.UTF_8)));
            int status;
            synchronized (answers) {
                status = answers.isEmpty() ? 200 : answers.pop();
            }
            if (status == 301) {
                exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + exchange.getLocalAddress().getPort() + "/elsewhere");
            }
            byte[] answer = status == 299 ? new byte[10 * 1024 * 1024] : "thanks".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == 299 ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        receiver.createContext("/elsewhere", exchange -> {
            received.add(new Received(HttpHeaders.of(Map.of("x-redirected", List.of("true")), (name, value) -> true), ""));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        // The reference library checks the timestamp against the real time. Attempts other tests left pending go
        // to their own receivers, which are gone: every check here reads this test's receiver and account.
        serverClock.set(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private Response register(Api api, String... events) {
        Response endpoint = api.post("/webhook-endpoints", Map.of("url", url(), "enabledEvents", List.of(events)));
        assertThat(endpoint.status()).as(endpoint.toString()).isEqualTo(201);
        return endpoint;
    }

    @Test
    void anEventIsDeliveredAsItsGetReturnsItSignedForTheReferenceLibrary() throws Exception {
        Api api = signUp();
        String secret = register(api, "customer.*").text("secret");
        createCustomer(api, Map.of("externalKey", "ann"));

        worker.deliverDue();

        assertThat(received).hasSize(1);
        Received delivery = received.getFirst();
        JsonNode event = api.get("/events?type=customer.created").json().get("data").get(0);
        assertThat(delivery.body()).isEqualTo(api.get("/events/" + event.get("id").asString()).body());
        assertThat(delivery.headers().firstValue("webhook-id")).contains(event.get("id").asString());
        assertThat(delivery.headers().firstValue("content-type")).contains("application/json");
        assertThat(delivery.headers().firstValue("user-agent")).contains("Chaching-Webhooks/1");
        assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers())).doesNotThrowAnyException();
        assertThatThrownBy(() -> new Webhook("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32]))
                .verify(delivery.body(), delivery.headers())).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(delivery.body().replace("ann", "bob"), delivery.headers()))
                .isInstanceOf(WebhookVerificationException.class);
        worker.deliverDue();
        assertThat(received).as("nothing is due any more").hasSize(1);
    }

    @Test
    void onlyTheTypesAnEndpointTakesAreDelivered() {
        Api api = signUp();
        register(api, "customer.updated");
        createCustomer(api, Map.of("externalKey", "cy"));
        api.patch("/customers/cy", Map.of("name", "Cy"));

        worker.deliverDue();

        assertThat(received).singleElement().satisfies(delivery -> assertThat(delivery.body()).contains("\"customer.updated\""));
    }

    @Test
    void aFailedAttemptIsRetriedAfterAMinuteAndTheAttemptsAreListed() {
        Api api = signUp();
        String endpoint = register(api, "*").text("id");
        answers.add(500);
        createCustomer(api, Map.of("externalKey", "dee"));

        worker.deliverDue();
        serverClock.advance(Duration.ofSeconds(59));
        worker.deliverDue();
        int early = received.size();
        serverClock.advance(Duration.ofSeconds(1));
        worker.deliverDue();

        assertThat(early).isEqualTo(1);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).headers().firstValue("webhook-id")).isEqualTo(received.get(0).headers().firstValue("webhook-id"));
        JsonNode attempts = api.get("/webhook-endpoints/" + endpoint + "/deliveries").json().get("data");
        assertThat(attempts.size()).isEqualTo(2);
        assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(2);
        assertThat(attempts.get(0).get("status").asString()).isEqualTo("succeeded");
        assertThat(attempts.get(0).get("responseStatus").asInt()).isEqualTo(200);
        assertThat(attempts.get(1).get("status").asString()).isEqualTo("failed");
        assertThat(attempts.get(1).get("responseStatus").asInt()).isEqualTo(500);
        assertThat(Instant.parse(attempts.get(1).get("nextAttemptAt").asString()))
                .isEqualTo(Instant.parse(attempts.get(1).get("createdAt").asString()).plus(Duration.ofMinutes(1)));
    }

    @Test
    void theRetriesFollowTheScheduleAndThenStop() {
        Api api = signUp();
        String endpoint = register(api, "*").text("id");
        for (int i = 0; i < 9; i++) {
            answers.add(503);
        }
        createCustomer(api, Map.of("externalKey", "eve"));

        worker.deliverDue();
        for (Duration wait : WebhookDeliveries.RETRIES) {
            int before = received.size();
            serverClock.advance(wait.minusSeconds(1));
            worker.deliverDue();
            assertThat(received).as("nothing before " + wait).hasSize(before);
            serverClock.advance(Duration.ofSeconds(1));
            worker.deliverDue();
            assertThat(received).as("the attempt due after " + wait).hasSize(before + 1);
        }
        serverClock.advance(Duration.ofDays(2));
        worker.deliverDue();

        assertThat(received).hasSize(9);
        JsonNode last = api.get("/webhook-endpoints/" + endpoint + "/deliveries?limit=1").json().get("data").get(0);
        assertThat(last.get("attempt").asInt()).isEqualTo(9);
        assertThat(last.get("status").asString()).isEqualTo("failed");
        assertThat(last.get("nextAttemptAt").isNull()).isTrue();
    }

    @Test
    void anEndpointFailingForThreeDaysIsDisabledWithAnEvent() {
        Api api = signUp();
        String endpoint = register(api, "customer.*").text("id");
        for (int i = 0; i < 40; i++) {
            answers.add(500);
        }
        createCustomer(api, Map.of("externalKey", "f1"));
        worker.deliverDue();
        serverClock.advance(Duration.ofDays(3));
        createCustomer(api, Map.of("externalKey", "f2"));

        worker.deliverDue();

        assertThat(api.get("/webhook-endpoints/" + endpoint).text("status")).isEqualTo("disabled");
        JsonNode disabled = api.get("/events?type=webhook_endpoint.disabled").json().get("data");
        assertThat(disabled.size()).isEqualTo(1);
        assertThat(disabled.get(0).get("data").get("object").get("id").asString()).isEqualTo(endpoint);
        int before = received.size();
        createCustomer(api, Map.of("externalKey", "f3"));
        serverClock.advance(Duration.ofHours(11));
        worker.deliverDue();
        assertThat(received).as("a disabled endpoint gets nothing").hasSize(before);
    }

    @Test
    void aRotatedSecretSignsBesideTheNewOneFor24Hours() throws Exception {
        Api api = signUp();
        Response created = register(api, "*");
        String old = created.text("secret");
        String renewed = api.post("/webhook-endpoints/" + created.text("id") + "/rotate-secret", Map.of()).text("secret");
        createCustomer(api, Map.of("externalKey", "gus"));
        worker.deliverDue();
        serverClock.advance(Duration.ofHours(24).plusSeconds(1));
        api.patch("/customers/gus", Map.of("name", "Gus"));
        worker.deliverDue();

        Received during = received.get(0);
        Received after = received.get(1);
        assertThat(during.headers().firstValue("webhook-signature").orElseThrow().split(" ")).hasSize(2);
        assertThatCode(() -> new Webhook(old).verify(during.body(), during.headers())).doesNotThrowAnyException();
        assertThatCode(() -> new Webhook(renewed).verify(during.body(), during.headers())).doesNotThrowAnyException();
        // A day later the timestamp is a day ahead of the real time, which the library's verify refuses; its sign tells.
        String id = after.headers().firstValue("webhook-id").orElseThrow();
        long timestamp = Long.parseLong(after.headers().firstValue("webhook-timestamp").orElseThrow());
        assertThat(after.headers().firstValue("webhook-signature").orElseThrow())
                .isEqualTo(new Webhook(renewed).sign(id, timestamp, after.body()))
                .isNotEqualTo(new Webhook(old).sign(id, timestamp, after.body()));
    }

    @Test
    void aRedirectIsNotFollowedAndAHugeAnswerIsReadOnlyInPart() {
        Api api = signUp();
        String endpoint = register(api, "*").text("id");
        answers.add(301);
        answers.add(299);
        createCustomer(api, Map.of("externalKey", "hal"));
        createCustomer(api, Map.of("externalKey", "ida"));

        worker.deliverDue();

        assertThat(received).hasSize(2).noneMatch(delivery -> delivery.headers().firstValue("x-redirected").isPresent());
        JsonNode attempts = api.get("/webhook-endpoints/" + endpoint + "/deliveries").json().get("data");
        assertThat(attempts.valueStream().map(attempt -> attempt.get("responseStatus").asInt()).toList()).as(attempts.toString())
                .containsExactlyInAnyOrder(301, 200, 0); // 0: the pending retry of the 301
        assertThat(attempts.valueStream().filter(attempt -> attempt.get("responseStatus").asInt() == 301)
                .map(attempt -> attempt.get("status").asString())).containsExactly("failed");
        assertThat(attempts.valueStream().map(attempt -> attempt.get("responseBody").asString().length())).allMatch(length -> length <= 1024);
    }

    @Test
    void twoWorkersAtOnceDeliverEachEventOnce() {
        Api api = signUp();
        register(api, "*");
        for (int i = 0; i < 20; i++) {
            createCustomer(api, Map.of("externalKey", "c" + i));
        }

        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(worker::deliverDue);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(worker::deliverDue);
        CompletableFuture.allOf(one, two).join();

        assertThat(received.stream().map(delivery -> delivery.headers().firstValue("webhook-id").orElseThrow()).distinct()).hasSize(20);
        assertThat(received).hasSize(20);
    }

    @Test
    void aWorkerThatDiesAfterClaimingLeavesTheAttemptToBeMadeAgain() {
        Api api = signUp();
        register(api, "*");
        createCustomer(api, Map.of("externalKey", "jo"));
        assertThat(deliveries.claim(api.accountId(), 10)).hasSize(1); // ...and the worker that claimed it is gone

        worker.deliverDue();
        int whileClaimed = received.size();
        serverClock.advance(deliveries.claimDuration().plusSeconds(1));
        worker.deliverDue();

        assertThat(whileClaimed).isZero();
        assertThat(received).hasSize(1);
    }

    @Test
    void anEventIsRedeliveredOnRequest() {
        Api api = signUp();
        String endpoint = register(api, "*").text("id");
        createCustomer(api, Map.of("externalKey", "kim"));
        worker.deliverDue();
        String event = api.get("/events").json().get("data").get(0).get("id").asString();

        Response again = api.post("/events/" + event + "/redeliver", Map.of("endpoint", endpoint));
        worker.deliverDue();

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.text("status")).isEqualTo("pending");
        assertThat(again.json().get("attempt").asInt()).isEqualTo(2);
        assertThat(received).hasSize(2);
        assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
        Api other = signUp();
        assertThat(other.post("/events/" + event + "/redeliver", Map.of("endpoint", endpoint)).status()).isEqualTo(404);
        assertThat(other.get("/webhook-endpoints/" + endpoint + "/deliveries").status()).isEqualTo(404);
        assertThat(api.post("/events/" + event + "/redeliver", Map.of("endpoint", "we_nope")).text("param")).isEqualTo("endpoint");
        assertThat(api.post("/events/" + event + "/redeliver", Map.of()).text("param")).isEqualTo("endpoint");
    }

    @Test
    void aChangeThatRollsBackDeliversNothing() {
        Api api = signUp();
        register(api, "*");
        createCustomer(api, Map.of("externalKey", "lou"));
        api.post("/customers", Map.of("externalKey", "lou"));
        api.patch("/customers/lou", Map.of("defaultPaymentMethod", "pm_notAttached"));

        worker.deliverDue();

        assertThat(received).hasSize(1);
    }
}
