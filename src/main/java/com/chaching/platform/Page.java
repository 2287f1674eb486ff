package com.chaching.platform;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** One page of a list (api.md "Lists"): {@code { "object": "list", "data": [...], "hasMore": bool }}. */
public record Page<T>(
        @Schema(description = "Always \"list\".", allowableValues = "list") String object,
        @Schema(description = "The objects of this page, newest first.") List<T> data,
        @Schema(description = "Whether more objects lie beyond this page in the direction it was read.") boolean hasMore) {

    public static <T> Page<T> of(List<T> data, boolean hasMore) {
        return new Page<>("list", List.copyOf(data), hasMore);
    }
}
