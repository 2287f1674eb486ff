package com.chaching.platform;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Endpoints that exist only in the tests: one that fails the way a bug would, and one that holds its
 * request open until the test lets it go, to catch a retry while the first request is still running.
 */
@RestController
@io.swagger.v3.oas.annotations.Hidden
class TestOnlyController {

    static volatile CountDownLatch entered = new CountDownLatch(1);
    static volatile CountDownLatch release = new CountDownLatch(1);

    @PostMapping("/test-only/failure")
    Map<String, String> failure(Tenant tenant) {
        throw new IllegalStateException("ERROR: relation \"secret_table\" does not exist; SQL [select * from secret_table]");
    }

    @PostMapping("/test-only/held")
    Map<String, String> held(Tenant tenant, @RequestBody Map<String, String> body) throws InterruptedException {
        entered.countDown();
        if (!release.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the test never released the held request");
        }
        return Map.of("echo", body.getOrDefault("value", ""));
    }

    static void reset() {
        entered = new CountDownLatch(1);
        release = new CountDownLatch(1);
    }
}
