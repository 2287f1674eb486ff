package com.chaching.catalog;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.tax.TaxBehavior;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** How much a product costs, in one currency, once or every interval. */
@Schema(name = "Price")
public record Price(
        @Schema(example = "price_7hG5fD3sA1qW9eR7tY5uI3oP") String id,
        @Schema(allowableValues = "price") String object,
        @Schema(description = "The product (prod_…) this price belongs to.") String product,
        @Schema(description = "Lowercase ISO 4217 code.", example = "usd", type = "string") CurrencyCode currency,
        @Schema(description = "Minor units of the currency: 1999 is $19.99, 500 is ¥500.", example = "1999") long unitAmount,
        @Schema(description = "one_time or recurring.") PriceType type,
        @Schema(description = "Present exactly when type is recurring.") @Nullable Recurring recurring,
        @Schema(description = "Whether unitAmount includes tax.") TaxBehavior taxBehavior,
        @Schema(description = "A name for the account's own use.") @Nullable String nickname,
        @Nullable String description,
        @Schema(description = "A key, unique in the account, to find the price by.") @Nullable String lookupKey,
        @Schema(description = "Inactive prices cannot be used for new subscriptions or invoices.") boolean active,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) {

    public Money unitPrice() {
        return Money.of(unitAmount, currency);
    }
}
