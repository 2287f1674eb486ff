package com.chaching.payments;

import com.chaching.events.BelongsToCustomer;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A way for a customer to pay: a card, as the gateway tokenised it. */
@Schema(name = "PaymentMethod")
public record PaymentMethod(
        @Schema(example = "pm_1NcZ8aB7cD6eF5gH4iJ3kL2m") String id,
        @Schema(allowableValues = "payment_method") String object,
        @Schema(allowableValues = "card") String type,
        Card card,
        @Nullable BillingDetails billingDetails,
        @Schema(description = "The externalKey of the customer it is attached to, or null.") @Nullable String customer,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) implements BelongsToCustomer {

    @Override
    public @Nullable String customerKey() {
        return customer;
    }

    /** What may be shown of a card: never its number or its security code. */
    @Schema(name = "PaymentMethodCard")
    public record Card(
            CardBrand brand,
            @Schema(example = "4242") String last4,
            @Schema(example = "12") int expMonth,
            @Schema(example = "2030") int expYear,
            @Schema(description = "credit, debit, prepaid or unknown.") CardToken.Funding funding,
            @Schema(description = "ISO 3166-1 alpha-2 country of the issuer.", example = "US") @Nullable String country) {
    }
}
