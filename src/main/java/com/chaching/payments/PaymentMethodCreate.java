package com.chaching.payments;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /payment-methods}: a card, by its raw number in a sandbox account, or by the id of the
 * PaymentMethod Stripe.js made in the buyer's browser in a live one. Exactly one of the two.
 */
public record PaymentMethodCreate(
        @Schema(description = "Only card.", allowableValues = "card") @NotNull @Pattern(regexp = "card", message = "must be card")
        @Nullable String type,
        @Schema(description = "The card as typed: sandbox accounts only. Required unless gatewayToken is given.")
        @Valid @Nullable CardInput card,
        @Schema(description = "Live accounts: the id of a Stripe PaymentMethod made by Stripe.js in the buyer's browser. "
                + "Required unless card is given.", example = "pm_1QxYzAbCdEfGhIjK")
        @Pattern(regexp = GATEWAY_TOKEN, message = "must be a Stripe PaymentMethod id (pm_…)") @Nullable String gatewayToken,
        @Valid @Nullable BillingDetails billingDetails,
        @ValidMetadata @Nullable Map<String, String> metadata) {

    /** A Stripe object id: its prefix, an underscore, letters and digits. */
    public static final String GATEWAY_TOKEN = "pm_[A-Za-z0-9]{1,100}";

    /** A sandbox card, by number. */
    public PaymentMethodCreate(@Nullable String type, @Nullable CardInput card, @Nullable BillingDetails billingDetails,
                               @Nullable Map<String, String> metadata) {
        this(type, card, null, billingDetails, metadata);
    }

    /** A card as typed. The number and cvc are sent to the gateway and kept nowhere. */
    public record CardInput(
            @Schema(description = "12 to 19 digits (spaces and dashes ignored) passing the Luhn check.", example = "4242424242424242")
            @NotNull @Size(max = 30) @Nullable String number,
            @Schema(example = "12") @NotNull @Nullable Integer expMonth,
            @Schema(example = "2030") @NotNull @Nullable Integer expYear,
            @Schema(description = "3 digits (4 for American Express).", example = "123") @NotNull @Size(max = 4) @Nullable String cvc) {

        @Override
        public String toString() {
            return "CardInput[hidden]";
        }
    }
}
