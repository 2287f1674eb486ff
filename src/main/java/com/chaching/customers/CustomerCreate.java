package com.chaching.customers;

import com.chaching.platform.ValidMetadata;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@code POST /customers}: every field optional. */
public record CustomerCreate(
        @Schema(description = "Your key for the customer, [A-Za-z0-9._:@-], 1 to 255 characters, unique in the account "
                + "(also among deleted customers) and never changed; \"search\" is reserved. Defaults to the id.",
                example = "user-42")
        @Size(min = 1, max = 255) @Pattern(regexp = CustomerRules.EXTERNAL_KEY, message = CustomerRules.EXTERNAL_KEY_MESSAGE)
        @Nullable String externalKey,
        @Size(max = 256) @Nullable String name,
        @Email @Size(max = 512) @Nullable String email,
        @Size(max = 40) @Nullable String phone,
        @Valid @Nullable Address address,
        @ValidMetadata @Nullable Map<String, String> metadata) {
}
