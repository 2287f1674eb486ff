package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * events.md "Delivery": a receiver that never answers, or answers its headers and then dribbles its body, costs
 * a worker its timeout (1 s here) and nothing more; the attempt is a failure, retried as any other.
 */
@TestPropertySource(properties = {"chaching.webhooks.allow-private=true", "chaching.webhooks.delivery-interval=PT1H",
        "chaching.webhooks.timeout=PT1S"})
class HostileWebhookReceiverApiTest extends ApiTest {

    @Autowired
    WebhookWorker worker;

    private HttpServer receiver;
    private final CountDownLatch released = new CountDownLatch(1);

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/silent", exchange -> {
            awaitRelease();
            exchange.close();
        });
        receiver.createContext("/dribbling", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write('{');
            body.flush();
            awaitRelease();
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        released.countDown();
        receiver.stop(0);
    }

    private void awaitRelease() {
        try {
            released.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aReceiverThatNeverAnswersIsAFailureAfterTheTimeout() {
        JsonNode attempt = deliverOneTo("/silent");

        assertThat(attempt.get("status").asString()).isEqualTo("failed");
        assertThat(attempt.get("responseStatus").isNull()).isTrue();
        assertThat(attempt.get("responseBody").asString()).startsWith("No answer").contains("Timeout");
        assertGaveUpAtTheTimeout(attempt);
    }

    @Test
    void aReceiverThatDribblesItsBodyIsAFailureAfterTheTimeout() {
        JsonNode attempt = deliverOneTo("/dribbling");

        assertThat(attempt.get("status").asString()).isEqualTo("failed");
        assertThat(attempt.get("responseStatus").asInt()).isEqualTo(200);
        assertThat(attempt.get("responseBody").asString()).startsWith("No answer");
        assertGaveUpAtTheTimeout(attempt);
    }

    /** The receiver holds on for a minute; the attempt's own record says it gave up after its 1 s. */
    private static void assertGaveUpAtTheTimeout(JsonNode attempt) {
        assertThat(attempt.get("durationMs").asInt()).isBetween(1_000, 30_000);
    }

    /** Registers an endpoint at {@code path}, makes one event, runs the worker once; the endpoint's first attempt. */
    private JsonNode deliverOneTo(String path) {
        Api api = signUp();
        String endpoint = api.post("/webhook-endpoints", Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + path,
                "enabledEvents", List.of("*"))).text("id");
        createCustomer(api, Map.of("externalKey", "x"));

        worker.deliverDue();

        JsonNode attempts = api.get("/webhook-endpoints/" + endpoint + "/deliveries").json().get("data");
        assertThat(attempts.size()).as("the failed attempt and its retry").isEqualTo(2);
        return attempts.get(1);
    }
}
