package com.chaching.events;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One HTTP attempt (events.md "Delivery"): a signed POST that must answer 2xx within 10 s
 * ({@code chaching.webhooks.timeout}). Redirects are
 * not followed and at most 1 KiB of the answer is read, so a slow or hostile receiver costs one worker at
 * most its timeout. Runs with no database transaction open.
 */
@Component
class WebhookSender {

    static final int BODY_LIMIT = 1024;

    private final HttpClient http;
    private final WebhookUrls urls;
    private final Clock serverClock;
    private final Duration timeout;

    WebhookSender(WebhookUrls urls, Clock serverClock, @Value("${chaching.webhooks.timeout:PT10S}") Duration timeout) {
        this.urls = urls;
        this.serverClock = serverClock;
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(timeout).build();
    }

    /** What came of one attempt: the receiver's status and the start of its answer, or why none came. */
    record Outcome(boolean succeeded, @Nullable Integer status, String body, int durationMs) {
    }

    Outcome send(String url, boolean livemode, String eventId, String body, List<String> secrets) {
        long started = System.nanoTime();
        URI target;
        try {
            // Again at each delivery: the name may resolve somewhere else by now.
            target = urls.check(url, livemode, "url");
        } catch (RuntimeException refused) {
            return new Outcome(false, null, "Not sent: " + refused.getMessage(), 0);
        }
        long timestamp = serverClock.instant().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(target)
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", "Chaching-Webhooks/1")
                .header("webhook-id", eventId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignatures.header(eventId, timestamp, body, secrets))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            String start;
            try (InputStream answer = response.body()) {
                start = firstBytes(answer, timeout.minusNanos(System.nanoTime() - started));
            }
            if (start == null) {
                return new Outcome(false, status, "No answer: the body did not come within " + timeout.toSeconds() + " s.", elapsedMs(started));
            }
            return new Outcome(status >= 200 && status < 300, status, start, elapsedMs(started));
        } catch (IOException e) {
            return new Outcome(false, null, "No answer: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), elapsedMs(started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, null, "Interrupted", elapsedMs(started));
        }
    }

    /**
     * The first {@link #BODY_LIMIT} bytes of the answer, or null when they do not come in {@code within}: the
     * request's timeout ends with the headers, and a receiver could dribble its body forever. Closing the
     * stream (by the caller) drops the connection.
     */
    private static @Nullable String firstBytes(InputStream answer, Duration within) {
        if (within.isNegative()) {
            return null;
        }
        try (ExecutorService reader = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<byte[]> read = reader.submit(() -> answer.readNBytes(BODY_LIMIT));
            try {
                // PostgreSQL's text cannot hold NUL, and a receiver may answer anything.
                return new String(read.get(within.toNanos(), TimeUnit.NANOSECONDS), StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
            } catch (TimeoutException | ExecutionException slowOrBroken) {
                read.cancel(true);
                closeQuietly(answer);
                return null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                closeQuietly(answer);
                return null;
            }
        }
    }

    private static void closeQuietly(InputStream answer) {
        try {
            answer.close();
        } catch (IOException ignored) {
            // The connection is being dropped anyway.
        }
    }

    private static int elapsedMs(long started) {
        return (int) Duration.ofNanos(System.nanoTime() - started).toMillis();
    }
}
