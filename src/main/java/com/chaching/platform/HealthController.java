package com.chaching.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /health}: up when the database answers, for load balancers and orchestrators. */
@RestController
@Tag(name = "Health")
class HealthController {

    private final JdbcClient jdbc;

    HealthController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Health(String status) {
    }

    @GetMapping("/health")
    @Operation(summary = "Is the service up?", description = "200 when the service and its database answer, 503 otherwise.")
    ResponseEntity<Health> health() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return ResponseEntity.ok(new Health("ok"));
        } catch (RuntimeException databaseDown) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("unavailable"));
        }
    }
}
