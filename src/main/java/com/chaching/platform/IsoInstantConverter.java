package com.chaching.platform;

import java.time.Instant;
import org.springframework.core.convert.converter.Converter;

/**
 * Query parameters such as {@code createdGte} take ISO-8601 instants only, as bodies do: Spring's default
 * would also read a bare number as epoch milliseconds.
 */
class IsoInstantConverter implements Converter<String, Instant> {

    @Override
    public Instant convert(String source) {
        return Instant.parse(source.trim());
    }
}
