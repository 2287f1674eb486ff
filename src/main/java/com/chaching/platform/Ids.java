package com.chaching.platform;

import java.security.SecureRandom;

/** Opaque, prefixed, random object ids (api.md "Representation"): {@code cus_4f8Zq…}. */
public final class Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();
    /** 24 base-62 characters: about 143 random bits, so ids never collide in practice. */
    private static final int RANDOM_LENGTH = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A new id such as {@code cus_…} for the given prefix ({@code "cus"}). */
    public static String newId(String prefix) {
        return prefix + "_" + randomToken(RANDOM_LENGTH);
    }

    /** A random base-62 string of the given length, for ids and secrets. */
    public static String randomToken(int length) {
        char[] chars = new char[length];
        byte[] bytes = new byte[length + length / 2];
        int filled = 0;
        while (filled < length) {
            RANDOM.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xFF;
                // 248 = 4 × 62: rejecting the rest keeps every character equally likely.
                if (value < 248) {
                    chars[filled++] = ALPHABET[value % ALPHABET.length];
                }
            }
        }
        return new String(chars);
    }
}
