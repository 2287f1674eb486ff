package com.chaching.events;

import com.chaching.platform.ApiProblem;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/** The bookkeeping of deliveries, each step its own short transaction; the sending is {@link WebhookSender}'s. */
@Service
public class WebhookDeliveries {

    /** events.md: retried about 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, 10 h after each failure, then failed for good. */
    static final List<Duration> RETRIES = List.of(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10), Duration.ofHours(10));
    /** events.md: an endpoint failing every delivery for this long is disabled. */
    static final Duration DISABLED_AFTER = Duration.ofDays(3);

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final EventRepository events;
    private final EventLog eventLog;
    private final Clock serverClock;
    private final JsonMapper json;
    /** Longer than an attempt can take (connect, then answer), so a live worker never loses its claim. */
    private final Duration claim;

    WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints, EventRepository events,
                      EventLog eventLog, Clock serverClock, JsonMapper json,
                      @Value("${chaching.webhooks.timeout:PT10S}") Duration attemptTimeout) {
        this.claim = attemptTimeout.multipliedBy(2).plusSeconds(30);
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.events = events;
        this.eventLog = eventLog;
        this.serverClock = serverClock;
        this.json = json;
    }

    /** An attempt to make, with the body to send: the event exactly as {@code GET /events/{id}} returns it. */
    record Attempt(WebhookDeliveryRepository.Claimed claim, String body) {
    }

    /** How long a worker holds the attempts it claimed. */
    Duration claimDuration() {
        return claim;
    }

    @Transactional(readOnly = true)
    List<String> accountsWithDueAttempts(int limit) {
        return deliveries.accountsWithDueAttempts(serverClock.instant(), limit);
    }

    @Transactional
    List<Attempt> claim(String accountId, int limit) {
        Instant now = serverClock.instant();
        return deliveries.claim(accountId, now, now.plus(claim), limit).stream().map(claim -> {
            Tenant tenant = new Tenant(claim.accountId(), claim.livemode());
            Event event = events.find(tenant, claim.eventId()).orElseThrow();
            return new Attempt(claim, json.writeValueAsString(event));
        }).toList();
    }

    /** The outcome of an attempt, the next attempt if one follows, and the endpoint's health. */
    @Transactional
    void record(WebhookDeliveryRepository.Claimed claim, WebhookSender.Outcome outcome) {
        Instant now = serverClock.instant();
        boolean retry = !outcome.succeeded() && claim.endpointEnabled() && claim.attempt() <= RETRIES.size();
        Instant next = retry ? now.plus(RETRIES.get(claim.attempt() - 1)) : null;
        boolean recorded = deliveries.complete(claim.accountId(), claim.deliveryId(), outcome.succeeded() ? "succeeded" : "failed",
                outcome.status(), outcome.body(), outcome.durationMs(), next);
        if (!recorded) {
            return;
        }
        if (next != null) {
            deliveries.insertPending(claim.accountId(), claim.endpointId(), claim.eventId(), claim.attempt() + 1, next, now);
        }
        if (claim.endpointEnabled()) {
            @Nullable Instant failingSince = deliveries.noteOutcome(claim.accountId(), claim.endpointId(), outcome.succeeded(), now).orElse(null);
            if (failingSince != null && !failingSince.plus(DISABLED_AFTER).isAfter(now)) {
                disable(new Tenant(claim.accountId(), claim.livemode()), claim.endpointId());
            }
        }
    }

    /** Not sent: the endpoint was disabled or deleted after the event. */
    WebhookSender.Outcome skipped() {
        return new WebhookSender.Outcome(false, null, "Not sent: the endpoint is disabled or deleted.", 0);
    }

    private void disable(Tenant tenant, String endpointId) {
        WebhookEndpoint endpoint = endpoints.lock(tenant, endpointId).orElseThrow();
        if (!endpoint.status().equals("enabled")) {
            return; // another attempt failing at the same time disabled it first
        }
        endpoints.update(tenant, endpoint.withStatus("disabled"));
        eventLog.record(tenant, "webhook_endpoint.disabled", endpoints.find(tenant, endpointId).orElseThrow());
    }

    /** {@code POST /events/{id}/redeliver}: one more attempt of this event to this endpoint, due now. */
    @Transactional
    WebhookDelivery redeliver(Tenant tenant, String eventId, String endpointId) {
        events.find(tenant, eventId).orElseThrow(() -> ApiProblem.notFound("event", eventId));
        endpoints.find(tenant, endpointId).orElseThrow(() -> ApiProblem.badRequest("resource_missing", "endpoint",
                "No such webhook endpoint: '" + endpointId + "'."));
        Instant now = serverClock.instant();
        deliveries.insertPending(tenant.accountId(), endpointId, eventId, deliveries.attempts(tenant, endpointId, eventId) + 1, now, now);
        return deliveries.list(tenant, endpointId, new PageRequest(1, null, null)).data().getFirst();
    }

    @Transactional(readOnly = true)
    public Page<WebhookDelivery> list(Tenant tenant, String endpointId, PageRequest page) {
        endpoints.find(tenant, endpointId).orElseThrow(() -> ApiProblem.notFound("webhook endpoint", endpointId));
        return deliveries.list(tenant, endpointId, page);
    }
}
