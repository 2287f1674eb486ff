package com.chaching.events;

import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.DeletedObject;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Webhook endpoints: register, read, list, change, delete, and rotate the signing secret. */
@Service
public class WebhookEndpointService {

    /** events.md: after a rotation the old secret signs beside the new one for 24 hours. */
    static final Duration OLD_SECRET_SIGNS_FOR = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebhookEndpointRepository endpoints;
    private final WebhookUrls urls;
    private final AccountClock clocks;
    private final Clock serverClock;

    WebhookEndpointService(WebhookEndpointRepository endpoints, WebhookUrls urls, AccountClock clocks, Clock serverClock) {
        this.endpoints = endpoints;
        this.urls = urls;
        this.clocks = clocks;
        this.serverClock = serverClock;
    }

    @Transactional
    public WebhookEndpoint create(Tenant tenant, WebhookEndpointCreate request) {
        String url = Objects.requireNonNull(request.url()).strip();
        urls.check(url, tenant.livemode(), "url");
        Instant now = clocks.now(tenant);
        WebhookEndpoint endpoint = new WebhookEndpoint(Ids.newId("we"), "webhook_endpoint", url,
                List.copyOf(Objects.requireNonNull(request.enabledEvents())), Patch.emptyToNull(request.description()),
                Metadata.forCreate(request.metadata()), "enabled", "", newSecret(), tenant.livemode(), now, now);
        endpoints.insert(tenant, endpoint);
        return endpoints.find(tenant, endpoint.id()).orElseThrow().withSecret(Objects.requireNonNull(endpoint.secret()));
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(Tenant tenant, String id) {
        return endpoints.find(tenant, id).orElseThrow(() -> notFound(id));
    }

    @Transactional(readOnly = true)
    public Page<WebhookEndpoint> list(Tenant tenant, PageRequest page) {
        return endpoints.list(tenant, page);
    }

    @Transactional
    WebhookEndpoint update(Tenant tenant, String id, WebhookEndpointUpdate changes) {
        WebhookEndpoint current = endpoints.lock(tenant, id).orElseThrow(() -> notFound(id));
        String url = changes.url() == null ? current.url() : changes.url().strip();
        if (changes.url() != null) {
            urls.check(url, tenant.livemode(), "url");
        }
        WebhookEndpoint updated = new WebhookEndpoint(current.id(), current.object(), url,
                changes.enabledEvents() == null ? current.enabledEvents() : List.copyOf(changes.enabledEvents()),
                Patch.text(current.description(), changes.description()), Metadata.update(current.metadata(), changes.metadata()),
                Patch.value(current.status(), changes.status()), current.secretLast4(), null, current.livemode(),
                current.createdAt(), clocks.now(tenant));
        endpoints.update(tenant, updated);
        return endpoints.find(tenant, id).orElseThrow();
    }

    @Transactional
    DeletedObject delete(Tenant tenant, String id) {
        endpoints.lock(tenant, id).orElseThrow(() -> notFound(id));
        endpoints.markDeleted(tenant, id, clocks.now(tenant));
        return DeletedObject.of(id, "webhook_endpoint");
    }

    /** A new secret, shown in this answer only; the old one keeps signing for {@link #OLD_SECRET_SIGNS_FOR} of server time. */
    @Transactional
    WebhookEndpoint rotateSecret(Tenant tenant, String id) {
        endpoints.lock(tenant, id).orElseThrow(() -> notFound(id));
        String secret = newSecret();
        endpoints.rotate(tenant, id, secret, serverClock.instant().plus(OLD_SECRET_SIGNS_FOR), clocks.now(tenant));
        return endpoints.find(tenant, id).orElseThrow().withSecret(secret);
    }

    /** events.md: {@code whsec_} and the base64 of 32 random bytes (Standard Webhooks asks for 24 to 64). */
    private static String newSecret() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("webhook endpoint", id);
    }
}
