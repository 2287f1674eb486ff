package com.chaching.catalog;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Something an account sells; its prices say how much and how often. */
@Schema(name = "Product")
public record Product(
        @Schema(example = "prod_3kT9aB2cD4eF6gH8iJ0kL1mN") String id,
        @Schema(allowableValues = "product") String object,
        @Schema(description = "Unique in the account, ignoring case.", example = "Pro plan") String name,
        @Nullable String description,
        @Schema(description = "Inactive products cannot get new prices.") boolean active,
        @Schema(description = "A tax code of GET /products/taxCodes.", example = "txcd_10103000") @Nullable String taxCode,
        @Schema(description = "How one unit is called on invoices, e.g. \"seat\".", example = "seat") @Nullable String unitLabel,
        Map<String, String> metadata,
        Instant createdAt,
        Instant updatedAt) {
}
