package com.chaching.accounts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code CHACHING_SIGNUP=open|closed}; when closed, sign-up needs {@code Bearer <CHACHING_ADMIN_TOKEN>}. */
@ConfigurationProperties("chaching")
record SignUpSettings(@DefaultValue("open") Mode signup, @Nullable String adminToken) {

    enum Mode { OPEN, CLOSED }

    boolean allows(@Nullable String bearerToken) {
        if (signup == Mode.OPEN) {
            return true;
        }
        if (adminToken == null || adminToken.isBlank() || bearerToken == null) {
            return false;
        }
        // Constant-time, so the token cannot be guessed a character at a time.
        return MessageDigest.isEqual(adminToken.getBytes(StandardCharsets.UTF_8), bearerToken.getBytes(StandardCharsets.UTF_8));
    }
}
