package com.chaching.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
    @Operation(operationId = "checkHealth", summary = "Is the service up?",
            description = "200 when the service and its database answer, 503 otherwise.")
    @ApiResponse(responseCode = "200", description = "The service and its database answer: status ok.")
    @ApiResponse(responseCode = "503", description = "The database does not answer: status unavailable.",
            content = @Content(schema = @Schema(implementation = Health.class)))
    ResponseEntity<Health> health() {
        try {
            jdbc.sql("select 1").query(Integer.class).single();
            return ResponseEntity.ok(new Health("ok"));
        } catch (RuntimeException databaseDown) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(new Health("unavailable"));
        }
    }
}
