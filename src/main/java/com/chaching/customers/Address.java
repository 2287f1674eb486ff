package com.chaching.customers;

import com.chaching.platform.CountryCode;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A postal address. */
@Schema(name = "Address")
public record Address(
        @Schema(description = "Street, PO box or company name.") @Size(max = 200) @Nullable String line1,
        @Schema(description = "Apartment, suite, unit or building.") @Size(max = 200) @Nullable String line2,
        @Size(max = 200) @Nullable String city,
        @Schema(description = "State, county, province or region.") @Size(max = 200) @Nullable String state,
        @Size(max = 20) @Nullable String postalCode,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", example = "US") @CountryCode @Nullable String country) {

    boolean isEmpty() {
        return line1 == null && line2 == null && city == null && state == null && postalCode == null && country == null;
    }
}
