package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** {@code POST /accounts}. */
record SignUpRequest(
        @Schema(description = "The business's name, 1 to 120 characters.", example = "Acme Inc")
        @NotBlank @Size(max = 120) @Nullable String name,
        @Schema(description = "The owner's email; one account per address.", example = "owner@acme.test")
        @NotBlank @Email @Size(max = 254) @Nullable String email,
        @Schema(description = "10 to 72 characters (bcrypt's limit is 72 bytes).", format = "password")
        @NotNull @Size(min = 10, max = 72) @Nullable String password,
        @Schema(description = "true makes a live account (sk_live_ keys, real money through the gateway the account "
                + "configures; no test clock, no raw card numbers); false or absent, a sandbox.", defaultValue = "false")
        @Nullable Boolean livemode) {
}
