package com.chaching.platform;

import java.time.Instant;
import org.springframework.core.convert.converter.Converter;

/**
 * Query parameters such as {@code createdGte} take ISO-8601 instants only, as bodies do: Spring's default
 * would also read a bare number as epoch milliseconds. An instant outside {@link InstantRange} is refused
 * here, as in bodies, so that it is a 400 naming the parameter rather than a database failure.
 */
class IsoInstantConverter implements Converter<String, Instant> {

    @Override
    public Instant convert(String source) {
        Instant instant = Instant.parse(source.trim());
        if (!InstantRange.contains(instant)) {
            throw new IllegalArgumentException("not " + InstantRange.DESCRIPTION);
        }
        return instant;
    }
}
