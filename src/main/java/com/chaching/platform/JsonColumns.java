package com.chaching.platform;

import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes {@code jsonb} columns (metadata, addresses) with the application's JSON mapper. */
@Component
public class JsonColumns {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
    };

    private final JsonMapper json;

    JsonColumns(JsonMapper json) {
        this.json = json;
    }

    /** A value as JSON text, for a {@code cast(:param as jsonb)} parameter. */
    public @Nullable String write(@Nullable Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    public <T> @Nullable T read(@Nullable String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }

    public Map<String, String> readMetadata(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, STRING_MAP);
    }
}
