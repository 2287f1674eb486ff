package com.chaching.platform;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer to a delete, as Stripe gives it: {@code { id, object, deleted: true }}. */
@Schema(name = "DeletedObject")
public record DeletedObject(
        String id,
        @Schema(description = "The kind of object deleted, e.g. \"product\" or \"price\".") String object,
        @Schema(description = "Always true.") boolean deleted) {

    public static DeletedObject of(String id, String object) {
        return new DeletedObject(id, object, true);
    }
}
