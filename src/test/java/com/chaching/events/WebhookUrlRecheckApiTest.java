package com.chaching.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * events.md "URL rules": checked again at each delivery, since a name may resolve elsewhere by then. Here the
 * endpoint's address turns into a loopback one after registration (as a DNS change would make it), with
 * private addresses not allowed: nothing is sent.
 */
@TestPropertySource(properties = "chaching.webhooks.delivery-interval=PT1H")
class WebhookUrlRecheckApiTest extends ApiTest {

    @Autowired
    WebhookWorker worker;

    @Test
    void anAddressThatBecamePrivateIsNotCalled() throws IOException {
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Api api = signUp();
            String endpoint = api.post("/webhook-endpoints", Map.of("url", "https://93.184.215.14/hooks", "enabledEvents", List.of("*"))).text("id");
            jdbc.sql("update webhook_endpoints set url = :url where account_id = :account and webhook_endpoint_id = :id")
                    .param("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks")
                    .param("account", api.accountId()).param("id", endpoint).update();
            createCustomer(api, Map.of("externalKey", "x"));

            worker.deliverDue();

            assertThat(calls).hasValue(0);
            JsonNode attempt = api.get("/webhook-endpoints/" + endpoint + "/deliveries").json().get("data").get(1);
            assertThat(attempt.get("status").asString()).isEqualTo("failed");
            assertThat(attempt.get("responseBody").asString()).startsWith("Not sent").contains("127.0.0.1");
        } finally {
            receiver.stop(0);
        }
    }
}
