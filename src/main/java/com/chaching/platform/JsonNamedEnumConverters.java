package com.chaching.platform;

import java.lang.reflect.Field;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.ConverterFactory;

/**
 * Query parameters name enum values as JSON does ({@code ?type=one_time}, from {@code @JsonProperty}),
 * as well as Java does ({@code ONE_TIME}, Spring's fallback); an unknown value is a 400 naming the parameter.
 */
class JsonNamedEnumConverters implements ConverterFactory<String, Enum> {

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public <T extends Enum> Converter<String, T> getConverter(Class<T> type) {
        return source -> {
            for (Field field : type.getFields()) {
                if (!field.isEnumConstant()) {
                    continue;
                }
                if (JsonTypes.jsonName(field).equals(source)) {
                    return (T) Enum.valueOf((Class) type, field.getName());
                }
            }
            throw new IllegalArgumentException("unknown value for " + type.getSimpleName());
        };
    }
}
