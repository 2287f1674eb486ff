package com.chaching.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stored form of a secret API key: its SHA-256. Keys carry ~190 random bits, so a fast hash is
 * enough (a slow one is for passwords people choose) and keeps every request's key lookup cheap.
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String secretKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
