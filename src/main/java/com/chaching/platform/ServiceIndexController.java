package com.chaching.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}, needing no key: what someone who opens the server's address finds — a browser is sent to
 * the dashboard, an API client gets links to the reference, the OpenAPI description and sign-up.
 */
@RestController
@Tag(name = "Service")
class ServiceIndexController {

    private static final URI DASHBOARD = URI.create("/dashboard");

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(operationId = "retrieveService", summary = "Where to start", description = """
            Needs no key. A browser (Accept: text/html) is sent to the dashboard; an API client gets links as JSON.""",
            security = {},
            responses = {
                    @ApiResponse(responseCode = "200", description = "Links to the reference, the OpenAPI description and sign-up.",
                            content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ServiceIndex.class))),
                    @ApiResponse(responseCode = "303", description = "A browser (Accept preferring text/html) goes to the dashboard.",
                            headers = @Header(name = "Location", description = "/dashboard", schema = @Schema(type = "string")))})
    ResponseEntity<Void> dashboard() {
        // 303: whatever the method was, the browser follows with a GET.
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(DASHBOARD).build();
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "retrieveService", summary = "Where to start", security = {})
    ServiceIndex links() {
        return ServiceIndex.THIS_SERVER;
    }
}
