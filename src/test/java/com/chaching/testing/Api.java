package com.chaching.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A client of the running server, optionally holding an API key, as a real API user would call it. */
public final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final String apiKey;
    private final String accountId;

    public Api(String baseUrl, String apiKey, String accountId) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.accountId = accountId;
    }

    public String key() {
        return apiKey;
    }

    public String accountId() {
        return accountId;
    }

    public Response get(String path) {
        return send("GET", path, null, Map.of());
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, Map.of());
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body, Map.of());
    }

    public Response delete(String path) {
        return send("DELETE", path, null, Map.of());
    }

    /** Sends a request; a String body goes as is, anything else as JSON. Content-Type is JSON unless a header says otherwise. */
    public Response send(String method, String path, Object body, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        if (apiKey != null) {
            all.put("Authorization", "Bearer " + apiKey);
        }
        if (body != null) {
            all.put("Content-Type", "application/json");
        }
        all.putAll(headers);
        byte[] bytes = body == null ? null
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : body instanceof byte[] raw ? raw
                : JSON.writeValueAsBytes(body);
        return sendBytes(method, path, bytes, all);
    }

    public Response sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach((name, value) -> {
            if (value != null) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Response answer = new Response(response.statusCode(), response.headers(), response.body());
            ResponseConformance.check(baseUrl, method, path, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A GET written byte for byte to the socket, for targets no well-behaved client would send (such as a
     * bad %-escape). Returns the status code and the body. HTTP/1.0, so that the body comes unchunked.
     */
    public Response rawGet(String target) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            String request = "GET " + target + " HTTP/1.0\r\nHost: " + base.getHost() + "\r\n"
                    + (apiKey == null ? "" : "Authorization: Bearer " + apiKey + "\r\n") + "Connection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(raw.indexOf(' ') + 1, raw.indexOf(' ') + 4));
            Map<String, List<String>> headers = new LinkedHashMap<>();
            String[] lines = raw.substring(0, raw.indexOf("\r\n\r\n")).split("\r\n");
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon), k -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            Response answer = new Response(status, HttpHeaders.of(headers, (name, value) -> true), body);
            ResponseConformance.check(baseUrl, "GET", target, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same caller with another key (or none). */
    public Api withKey(String otherKey) {
        return new Api(baseUrl, otherKey, accountId);
    }
}
