package com.chaching.platform;

import java.util.Optional;

/** Finds the account an API key belongs to, by the key's hash. The accounts module provides it. */
public interface ApiKeyResolver {

    Optional<Tenant> findByKeyHash(String keyHash);
}
