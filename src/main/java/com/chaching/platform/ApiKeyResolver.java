package com.chaching.platform;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** Finds the account a working API key belongs to, by the key's hash. The accounts module provides it. */
public interface ApiKeyResolver {

    /** The working key with this hash, recorded as used {@code now}; empty when there is none. */
    Optional<ResolvedKey> use(String keyHash, Instant now);

    /** The account a key acts for, and when the key stops working (null: it does not expire). */
    record ResolvedKey(Tenant tenant, @Nullable Instant expiresAt) {

        boolean worksAt(Instant now) {
            return expiresAt == null || expiresAt.isAfter(now);
        }
    }
}
