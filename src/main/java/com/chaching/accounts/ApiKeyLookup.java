package com.chaching.accounts;

import com.chaching.platform.ApiKeyResolver;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the platform's API-key authentication the account behind a key hash. */
@Component
class ApiKeyLookup implements ApiKeyResolver {

    private final ApiKeyRepository keys;

    ApiKeyLookup(ApiKeyRepository keys) {
        this.keys = keys;
    }

    @Override
    public Optional<ResolvedKey> use(String keyHash, Instant now) {
        return keys.useWorking(keyHash, now);
    }
}
