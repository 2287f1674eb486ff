package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Webhook deliveries per second to a receiver on loopback (not a test: surefire runs only *Test classes; run it
 * with bench/webhook-delivery.sh). Each round makes EVENTS events for one endpoint, then times the worker
 * delivering all of them. Every delivery must succeed and every API answer have its expected status.
 */
@TestPropertySource(properties = {"chaching.webhooks.allow-private=true", "chaching.webhooks.delivery-interval=PT1H"})
class WebhookDeliveryBenchmark extends ApiTest {

    @Autowired
    WebhookWorker worker;

    @Test
    void deliveriesPerSecond() throws IOException {
        int rounds = Integer.getInteger("bench.rounds", 3);
        int events = Integer.getInteger("bench.events", 2000);
        AtomicInteger received = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
        receiver.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.incrementAndGet();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            for (int round = 0; round < rounds; round++) {
                Api api = signUp();
                String endpoint = expect(api.post("/webhook-endpoints", Map.of("url",
                        "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "enabledEvents", List.of("*"))), 201).text("id");
                for (int i = 0; i < events; i++) {
                    expect(api.post("/customers", Map.of("externalKey", "c" + i)), 201);
                }
                int before = received.get();
                long start = System.nanoTime();
                while (received.get() - before < events) {
                    assertThat(worker.deliverDue()).as("the worker found nothing to deliver before all were delivered").isPositive();
                }
                long millis = (System.nanoTime() - start) / 1_000_000;
                Response last = expect(api.get("/webhook-endpoints/" + endpoint + "/deliveries?limit=100"), 200);
                assertThat(last.json().get("data").valueStream().map(d -> d.get("status").asString())).containsOnly("succeeded");
                System.out.printf("round %d: %d deliveries in %d ms, %.0f deliveries/s%n", round, events, millis, events * 1000.0 / millis);
            }
        } finally {
            receiver.stop(0);
        }
    }

    private static Response expect(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
