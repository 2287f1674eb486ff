package com.chaching.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Input no server should choke on, and the check that it did not. */
public final class Hostile {

    public static final List<String> HOSTILE = List.of(
            "'; drop table customers; --",
            "\" or 1=1 --",
            "%_\\",
            "nul\u0000byte",
            "k".repeat(5000),
            "emoji 💸🧾",
            "rtl \u202Eevil\u202C mark \u200F",
            "\uD83D",
            "../../etc/passwd",
            "<script>alert(1)</script>",
            "\r\nSet-Cookie: x=y");

    private Hostile() {
    }

    /** A 2xx, 3xx or 4xx, and nothing of the server's insides in the body. */
    public static void assertNoServerError(Response response) {
        assertThat(response.status()).as(response.toString()).isBetween(200, 499);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at com.").doesNotContain("org.postgresql");
    }
}
