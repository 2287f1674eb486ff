package com.chaching.platform;

/** The requests that need no API key (api.md: sign-up, health, the OpenAPI description and the reference). */
final class PublicPaths {

    private PublicPaths() {
    }

    static boolean isPublic(String method, String path) {
        if (path.equals("/accounts")) {
            return method.equals("POST");
        }
        return path.equals("/health")
                || path.equals("/openapi.json") || path.startsWith("/openapi.json/")
                || path.equals("/docs") || path.startsWith("/docs/")
                || path.startsWith("/swagger-ui/")
                || path.startsWith("/actuator/");
    }
}
