package com.chaching.catalog;

import io.swagger.v3.oas.annotations.media.Schema;

/** A product tax code of the catalog shipped with the service. */
@Schema(name = "TaxCode")
public record TaxCode(
        @Schema(example = "txcd_10103000") String id,
        @Schema(allowableValues = "tax_code") String object,
        @Schema(example = "Software as a service (SaaS) - business use") String name,
        String description,
        Category category) {

    /** The group a tax code belongs to. */
    @Schema(name = "TaxCodeCategory")
    public record Category(@Schema(example = "Software as a Service – business use") String name) {
    }
}
