package com.chaching.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals the secrets the server must keep and use again (a live account's gateway key) with the operator's
 * key, {@code CHACHING_SECRETS_KEY}: AES-256-GCM from the JDK, a fresh random 96-bit nonce per seal, and the
 * owner's id as associated data, so that a sealed secret copied onto another account's row does not open.
 * A sealed value reads {@code v1.<base64url(nonce ‖ ciphertext ‖ tag)>}; the version leaves room for a key
 * rotation. Without a key the server runs, but nothing can be sealed or opened (live accounts need it).
 */
@Component
public class SecretBox {

    /** The setting's name, for the messages an operator reads. */
    public static final String SETTING = "CHACHING_SECRETS_KEY";

    private static final String FORMAT = "v1.";
    private static final int KEY_BYTES = 32;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final @Nullable SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@Value("${chaching.secrets-key:}") String configured) {
        this.key = configured.isBlank() ? null : new SecretKeySpec(decodeKey(configured.strip()), "AES");
    }

    /** Whether the operator set a key: without one, live accounts are refused. */
    public boolean configured() {
        return key != null;
    }

    /** The secret sealed for {@code owner} (an account id): only {@link #open} with the same owner reads it. */
    public String seal(String secret, String owner) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, owner, secret.getBytes(StandardCharsets.UTF_8));
        return FORMAT + Base64.getUrlEncoder().withoutPadding().encodeToString(
                ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
    }

    /** The secret {@link #seal} sealed for {@code owner}; an {@link IllegalStateException} if it was altered, or is another's. */
    public String open(String sealed, String owner) {
        if (!sealed.startsWith(FORMAT)) {
            throw new IllegalStateException("not a sealed secret of this server (it lacks the " + FORMAT + " prefix)");
        }
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(FORMAT.length()));
        byte[] nonce = Arrays.copyOf(bytes, NONCE_BYTES);
        byte[] body = Arrays.copyOfRange(bytes, NONCE_BYTES, bytes.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, owner, body), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String owner, byte[] input) {
        if (key == null) {
            throw new IllegalStateException(SETTING + " is not set: the server cannot seal or open secrets");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(owner.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            // The tag did not match: another key, another owner, or altered bytes. The message names none of them.
            throw new IllegalStateException("a sealed secret could not be opened with " + SETTING, e);
        }
    }

    private static byte[] decodeKey(String configured) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(configured);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalStateException(SETTING + " must be base64 (of 32 random bytes: head -c 32 /dev/urandom | base64)");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException(SETTING + " must be 32 bytes in base64 (it is " + bytes.length
                    + "): head -c 32 /dev/urandom | base64");
        }
        return bytes;
    }
}
