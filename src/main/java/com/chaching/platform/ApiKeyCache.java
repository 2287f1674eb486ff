package com.chaching.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Resolved API keys, kept a few seconds so that a request does not cost a look-up (and the look-up's
 * {@code lastUsedAt} write). A key that expires is refused from its expiry on, cached or not. A key revoked
 * or rolled through this copy is forgotten at once; another copy of the service stops accepting it when
 * its entry ages out, within {@link #LIFETIME} (decisions.md "(by)").
 */
@Component
public class ApiKeyCache {

    static final Duration LIFETIME = Duration.ofSeconds(5);

    private final ApiKeyResolver resolver;
    private final Clock serverClock;
    private final Cache<String, ApiKeyResolver.ResolvedKey> byHash;

    ApiKeyCache(ApiKeyResolver resolver, Clock serverClock) {
        this.resolver = resolver;
        this.serverClock = serverClock;
        // Ages on the server clock, so that tests move time instead of waiting for it.
        this.byHash = Caffeine.newBuilder()
                .maximumSize(100_000)
                .expireAfterWrite(LIFETIME)
                .ticker(() -> serverClock.millis() * 1_000_000)
                .build();
    }

    /** The tenant a key hash acts for now, or empty when no working key has it. */
    Optional<Tenant> tenant(String keyHash) {
        Instant now = serverClock.instant();
        // One look-up per key at a time: parallel first requests with one key wait for it rather than repeat it.
        ApiKeyResolver.ResolvedKey key = byHash.get(keyHash, hash -> resolver.use(hash, now).orElse(null));
        if (key == null) {
            return Optional.empty();
        }
        if (!key.worksAt(now)) {
            byHash.invalidate(keyHash);
            return Optional.empty();
        }
        return Optional.of(key.tenant());
    }

    /** Whether this copy knows the key hash as a working key now, without looking it up. */
    boolean isKnown(String keyHash) {
        return byHash.getIfPresent(keyHash) != null;
    }

    /**
     * Drops a key whose life the current transaction changes, once that commits, so that this copy reads it
     * again. Not before: a request looking the key up meanwhile would cache it as it was, and it may be
     * waiting for this very transaction's row lock while holding the cache's entry.
     */
    public void forgetAfterCommit(String keyHash) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                byHash.invalidate(keyHash);
            }
        });
    }
}
