package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /account} {@code gateway}: the gateway a live account charges through, and its secret key. */
@Schema(name = "GatewayInput")
public record GatewayInput(
        @Schema(allowableValues = "stripe") @NotNull @Pattern(regexp = "stripe", message = "must be stripe") @Nullable String type,
        @Schema(description = "A Stripe secret or restricted key (sk_live_…, rk_live_…; sk_test_… for a staging copy against "
                + "Stripe's test mode). Checked with Stripe when set; stored sealed; never shown again.", example = "sk_live_51HxYzAbCdEfGhIjKl")
        @NotNull @Size(max = 255) @Pattern(regexp = "(sk|rk)_(live|test)_[A-Za-z0-9]{10,}", message = "must be a Stripe secret key (sk_live_…)")
        @Nullable String secretKey) {

    @Override
    public String toString() {
        return "GatewayInput[type=" + type + ", secretKey=hidden]";
    }
}
