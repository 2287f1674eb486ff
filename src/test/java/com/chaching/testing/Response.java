package com.chaching.testing;

import java.net.http.HttpHeaders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** An HTTP response as a test reads it. */
public record Response(int status, HttpHeaders headers, String body) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public JsonNode json() {
        return JSON.readTree(body);
    }

    /** A top-level or dotted field as text ({@code "id"}, {@code "address.country"}). */
    public String text(String path) {
        JsonNode node = json();
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    /** The problem's {@code code}. */
    public String code() {
        return text("code");
    }

    @Override
    public String toString() {
        return status + " " + body;
    }
}
