package com.chaching.payments;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a gateway keeps of a card: a token to charge it by, and what may be shown of it. */
public record CardToken(String token, CardBrand brand, String last4, int expMonth, int expYear, Funding funding, @Nullable String country) {

    /** Whether the card is credit or debit. */
    public enum Funding {
        @JsonProperty("credit") CREDIT,
        @JsonProperty("debit") DEBIT,
        @JsonProperty("prepaid") PREPAID,
        @JsonProperty("unknown") UNKNOWN;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Funding fromValue(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
