package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.WebUtils;

/**
 * api.md "Idempotency": a POST, PUT, PATCH or DELETE carrying {@code Idempotency-Key} runs once per
 * account and key; a retry of the same request gets the first response byte for byte with
 * {@code Idempotent-Replayed: true}; the key with another request is a 422; a retry while the first
 * still runs is a 409. Responses are kept {@link IdempotencyRepository#RETENTION}.
 *
 * <p>A 5xx is not kept, so a retry after a server failure runs again (payments carry their own
 * gateway-level key, so that never charges twice). Sign-up carries no account and is not covered: its
 * response holds the one copy of the API key, which is never stored.
 *
 * <p>While a request runs, its claim is refreshed every {@link #HEARTBEAT}, so only the claim of a
 * request whose server died ages past {@link IdempotencyRepository#ABANDONED_AFTER} and is taken over.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String KEY_HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final int MAX_KEY_LENGTH = 255;
    /** The one request whose body holds raw card data (the payments module's card intake). */
    static final String CARD_DATA_PATH = "/payment-methods";
    private static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String HEARTBEAT = "PT20S";

    private record Claim(String accountId, String key) {
    }

    private final Set<Claim> running = ConcurrentHashMap.newKeySet();

    private final IdempotencyRepository keys;
    private final ProblemResponses problems;
    private final Clock clock;

    IdempotencyFilter(IdempotencyRepository keys, ProblemResponses problems, Clock clock) {
        this.keys = keys;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !MUTATING.contains(request.getMethod()) || request.getHeader(KEY_HEADER) == null
                || request.getAttribute(Tenant.REQUEST_ATTRIBUTE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(KEY_HEADER);
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || key.chars().anyMatch(Character::isISOControl)) {
            problems.write(response, ApiProblem.invalid(KEY_HEADER,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " printable characters."));
            return;
        }
        Tenant tenant = (Tenant) request.getAttribute(Tenant.REQUEST_ATTRIBUTE);
        String requestHash = fingerprint(request);
        Instant now = clock.instant();

        if (!keys.claim(tenant.accountId(), key, requestHash, now)) {
            IdempotencyRepository.StoredKey stored = keys.find(tenant.accountId(), key);
            if (stored == null) {
                // Purged or released between our claim and our read: the next retry starts afresh.
                problems.write(response, inProgress());
            } else if (!stored.requestHash().equals(requestHash)) {
                problems.write(response, new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency_key_reuse",
                        "Keys for idempotent requests can only be used with the same method, path and body as the first request.",
                        KEY_HEADER, List.of()));
            } else if (stored.status() == null) {
                problems.write(response, inProgress());
            } else {
                replay(stored, response);
            }
            return;
        }

        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        Claim claim = new Claim(tenant.accountId(), key);
        running.add(claim);
        boolean completed = false;
        try {
            chain.doFilter(request, recorded);
            completed = recorded.getStatus() < 500;
        } finally {
            running.remove(claim);
            if (completed) {
                keys.complete(tenant.accountId(), key, recorded.getStatus(), recorded.getContentType(),
                        recorded.getContentAsByteArray());
            } else {
                keys.release(tenant.accountId(), key);
            }
            recorded.copyBodyToResponse();
        }
    }

    /** Marks the claims of the requests running in this copy as alive. */
    @Scheduled(fixedRateString = HEARTBEAT, initialDelayString = HEARTBEAT)
    void keepRunningClaimsAlive() {
        Instant now = clock.instant();
        for (Claim claim : running) {
            keys.touch(claim.accountId(), claim.key(), now);
        }
    }

    private static ApiProblem inProgress() {
        return ApiProblem.conflict("idempotency_in_progress",
                "A request with this Idempotency-Key is still being processed; retry it later.");
    }

    private static void replay(IdempotencyRepository.StoredKey stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.status());
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        response.setHeader(REPLAYED_HEADER, "true");
        response.setContentLength(stored.body().length);
        response.getOutputStream().write(stored.body());
    }

    /**
     * The same request means the same method, path, query and body bytes. A body carrying a card's number
     * and code is left out: a hash of it would let whoever reads the table recover the number by trying the
     * few million numbers that fit its brand, last four digits and Luhn check. Such a key is then matched by
     * method and path alone.
     */
    static String fingerprint(HttpServletRequest request) {
        RequestGuardFilter.CachedBodyRequest cached = WebUtils.getNativeRequest(request, RequestGuardFilter.CachedBodyRequest.class);
        boolean carriesCardData = request.getMethod().equals("POST") && request.getRequestURI().equals(CARD_DATA_PATH);
        byte[] body = cached == null || carriesCardData ? new byte[0] : cached.body();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + ' ' + request.getRequestURI() + '?' + request.getQueryString() + '\n')
                    .getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
