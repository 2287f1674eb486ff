package com.chaching.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /}, needing no key: what a newcomer who opens the server's address finds, until the dashboard
 * exists — a short page for a browser, the same links as JSON for an API client.
 */
@RestController
@Tag(name = "Service")
class ServiceIndexController {

    /** Static text only, nothing from the request: there is nothing to escape, and the page loads nothing. */
    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Chaching</title>
            </head>
            <body>
            <h1>Chaching</h1>
            <p>This server runs Chaching, a subscription-billing API; the dashboard does not exist yet.
            Browse the <a href="/docs">API reference</a>, or read the <a href="/openapi.json">OpenAPI description</a>.
            To get an API key, sign up with <code>POST /accounts</code>, as the README that comes with Chaching
            shows in its section “A first session with curl”.</p>
            </body>
            </html>
            """;

    @GetMapping(path = "/", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(operationId = "retrieveService", summary = "Where to start", description = """
            Needs no key. A browser (Accept: text/html) gets a short page; an API client gets the same links as JSON.""",
            security = {},
            responses = @ApiResponse(responseCode = "200", description = "Links to the reference, the OpenAPI description and sign-up.",
                    content = {@Content(mediaType = MediaType.TEXT_HTML_VALUE, schema = @Schema(type = "string")),
                            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = ServiceIndex.class))}))
    ResponseEntity<String> page() {
        // The page runs nothing and loads nothing, and says so to the browser.
        return ResponseEntity.ok()
                .header("Content-Security-Policy", "default-src 'none'")
                .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(PAGE);
    }

    @GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "retrieveService", summary = "Where to start", security = {})
    ServiceIndex links() {
        return ServiceIndex.THIS_SERVER;
    }
}
