package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Sealing a live account's gateway key with the operator's CHACHING_SECRETS_KEY (JDK AES-256-GCM). */
class SecretBoxTest {

    private static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void aSealedSecretOpensForItsOwnerAndShowsNothingOfItself() {
        String sealed = box.seal("sk_live_51HxYzAbCdEf", "acct_1");

        assertThat(sealed).startsWith("v1.").doesNotContain("sk_live").doesNotContain("HxYz");
        assertThat(box.open(sealed, "acct_1")).isEqualTo("sk_live_51HxYzAbCdEf");
    }

    @Test
    void theSameSecretSealsDifferentlyEachTime() {
        assertThat(box.seal("sk_live_same", "acct_1")).isNotEqualTo(box.seal("sk_live_same", "acct_1"));
    }

    @Test
    void aSecretCopiedToAnotherAccountOrAlteredOrUnderAnotherKeyDoesNotOpen() {
        String sealed = box.seal("sk_live_51HxYzAbCdEf", "acct_1");
        byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(3));
        bytes[bytes.length - 1] ^= 1;
        String altered = "v1." + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(sealed, "acct_2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHACHING_SECRETS_KEY").hasMessageNotContaining("sk_live");
        assertThatThrownBy(() -> box.open(altered, "acct_1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open(sealed, "acct_1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> box.open("sk_live_plain", "acct_1")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aKeyThatIsNotBase64Of32BytesIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> new SecretBox("not base64!")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHACHING_SECRETS_KEY must be base64").hasMessageContaining("head -c 32 /dev/urandom | base64");
        assertThatThrownBy(() -> new SecretBox(Base64.getEncoder().encodeToString(new byte[16]))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be 32 bytes in base64 (it is 16)");
    }

    @Test
    void withoutAKeyNothingIsSealed() {
        SecretBox unset = new SecretBox("");

        assertThat(unset.configured()).isFalse();
        assertThat(box.configured()).isTrue();
        assertThatThrownBy(() -> unset.seal("sk_live_x", "acct_1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CHACHING_SECRETS_KEY is not set");
    }
}
