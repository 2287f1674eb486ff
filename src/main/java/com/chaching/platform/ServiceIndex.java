package com.chaching.platform;

import io.swagger.v3.oas.annotations.media.Schema;

/** What {@code GET /} tells an API client: where the reference, the OpenAPI description and sign-up are. */
@Schema(name = "Service", description = "This Chaching server, and where to start using it.")
public record ServiceIndex(
        @Schema(description = "Always service.", example = "service") String object,
        @Schema(example = "Chaching") String name,
        @Schema(description = "The browsable API reference.", example = "/docs") String docs,
        @Schema(description = "The OpenAPI 3.1 description of the API.", example = "/openapi.json") String openapi,
        @Schema(description = "The request that signs up and returns a first API key.", example = "POST /accounts") String signUp,
        @Schema(description = "The README section, in the server's source, that walks through a first session.",
                example = "README.md#a-first-session-with-curl") String readme) {

    static final ServiceIndex THIS_SERVER = new ServiceIndex("service", "Chaching", "/docs", "/openapi.json", "POST /accounts",
            "README.md#a-first-session-with-curl");
}
