package com.chaching.accounts;

import io.swagger.v3.oas.annotations.media.Schema;

/** The payment gateway a live account charges through, as reads show it: never the key, only its end. */
@Schema(name = "AccountGateway")
public record AccountGateway(
        @Schema(allowableValues = "stripe") String type,
        @Schema(description = "The last four characters of the gateway's secret key.", example = "4f2Q") String secretKeyLast4) {
}
