package com.chaching.accounts;

import com.chaching.platform.ApiKeyResolver;
import com.chaching.platform.Tenant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Gives the platform's API-key authentication the account behind a key hash. */
@Component
class ApiKeyLookup implements ApiKeyResolver {

    private final AccountRepository accounts;

    ApiKeyLookup(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<Tenant> findByKeyHash(String keyHash) {
        return accounts.findTenantByKeyHash(keyHash);
    }
}
