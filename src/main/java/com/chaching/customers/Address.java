package com.chaching.customers;

import com.chaching.platform.CountryCode;
import com.chaching.platform.Patch;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A postal address. */
@Schema(name = "Address", description = "A postal address; \"\" clears a field, and an address with every field empty is none.")
public record Address(
        @Schema(description = "Street, PO box or company name.") @Size(max = 200) @Nullable String line1,
        @Schema(description = "Apartment, suite, unit or building.") @Size(max = 200) @Nullable String line2,
        @Size(max = 200) @Nullable String city,
        @Schema(description = "State, county, province or region.") @Size(max = 200) @Nullable String state,
        @Size(max = 20) @Nullable String postalCode,
        @Schema(description = "ISO 3166-1 alpha-2 country code.", example = "US") @CountryCode @Nullable String country) {

    /** The address as stored: {@code ""} clears a field as everywhere else, and an address with no field left is none. */
    @Nullable Address normalized() {
        Address clean = new Address(Patch.emptyToNull(line1), Patch.emptyToNull(line2), Patch.emptyToNull(city),
                Patch.emptyToNull(state), Patch.emptyToNull(postalCode), Patch.emptyToNull(country));
        boolean empty = clean.line1 == null && clean.line2 == null && clean.city == null && clean.state == null
                && clean.postalCode == null && clean.country == null;
        return empty ? null : clean;
    }
}
