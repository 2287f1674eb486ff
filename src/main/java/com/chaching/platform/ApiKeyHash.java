package com.chaching.platform;

/**
 * The stored form of a secret API key: its SHA-256. Keys carry ~190 random bits, so a fast hash is
 * enough (a slow one is for passwords people choose) and keeps every request's key lookup cheap.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String secretKey) {
        return Sha256.hex(secretKey);
    }
}
