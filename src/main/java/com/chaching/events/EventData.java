package com.chaching.events;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The resource an event is about, as its GET returned it at that moment, and on updates what it was before.
 * {@code object} is the API record when recorded (written once, as its GET writes it) and a map when read back.
 */
@Schema(name = "EventData")
public record EventData(
        @Schema(description = "The resource as its GET returned it when the event happened: a Customer, an Invoice, …, "
                + "as the type's prefix says.", type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        Object object,
        @Schema(description = "On *.updated events: the old values of the fields that changed; null on others.",
                type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE)
        @Nullable Map<String, Object> previousAttributes) {
}
