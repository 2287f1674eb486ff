package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** {@code PATCH /account}: only the fields present change. */
public record AccountUpdate(
        @Schema(description = "The business's name, 1 to 120 characters.")
        @Size(min = 1, max = 120) @Pattern(regexp = ".*\\S.*", message = "must not be blank") @Nullable String name,
        @Schema(description = "An IANA time zone id such as America/New_York.")
        @TimeZoneId @Nullable String timeZone,
        @Schema(description = "A–Z and 0–9, 3 to 12 characters.")
        @Pattern(regexp = "[A-Z0-9]{3,12}", message = "must be 3 to 12 characters of A-Z and 0-9") @Nullable String invoicePrefix,
        @Schema(description = "Up to 8 retry days, each 1 to 60, strictly increasing.", example = "[1, 3, 5, 7]")
        @Size(max = 8) @IncreasingDays @Nullable List<@NotNull @Min(1) @Max(60) Integer> retrySchedule,
        @Schema(description = "cancel or unpaid.")
        @Nullable AfterRetries afterRetries,
        @Schema(description = "0 to 30 days.")
        @Min(0) @Max(30) @Nullable Integer settlementDays,
        @Schema(description = "Live accounts only: the payment gateway to charge through, checked with it when set.")
        @Valid @Nullable GatewayInput gateway) {

    /** The settings alone, as the dashboard's settings form sends them. */
    public AccountUpdate(@Nullable String name, @Nullable String timeZone, @Nullable String invoicePrefix,
                         @Nullable List<Integer> retrySchedule, @Nullable AfterRetries afterRetries, @Nullable Integer settlementDays) {
        this(name, timeZone, invoicePrefix, retrySchedule, afterRetries, settlementDays, null);
    }
}
