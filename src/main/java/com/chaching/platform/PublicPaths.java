package com.chaching.platform;

/**
 * The requests that need no API key (api.md: sign-up, health, the OpenAPI description and the reference),
 * {@code GET /}, which tells a newcomer where those are, and the dashboard with its scripts: the dashboard
 * has its own sign-in, and an API key never opens it (docs/dashboard.md).
 */
final class PublicPaths {

    private PublicPaths() {
    }

    /** The dashboard's pages and forms, which sign in their own way and bind their own forms. */
    static boolean isDashboard(String path) {
        return path.equals("/dashboard") || path.startsWith("/dashboard/");
    }

    static boolean isPublic(String method, String path) {
        if (path.equals("/accounts")) {
            return method.equals("POST");
        }
        if (path.equals("/")) {
            return method.equals("GET") || method.equals("HEAD");
        }
        return path.equals("/health")
                || path.equals("/openapi.json") || path.startsWith("/openapi.json/")
                || path.equals("/docs") || path.startsWith("/docs/")
                || path.startsWith("/swagger-ui/")
                || isDashboard(path)
                || path.startsWith("/webjars/")
                // The actuator lives on the management port; on the API port this gives a 404, not a 401,
                // to a probe sent to the wrong port, and serves it when CHACHING_MANAGEMENT_PORT equals PORT.
                || path.startsWith("/actuator/");
    }
}
