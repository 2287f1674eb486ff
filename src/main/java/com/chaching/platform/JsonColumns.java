package com.chaching.platform;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    /**
     * Rows of named parameters as one JSON array, the parameter of a set-based statement's
     * {@code jsonb_to_recordset(cast(:rows as jsonb)) as v(…)}. Names are lower-cased, as SQL folds the record's unquoted
     * column names ({@code v.periodStart} reads {@code periodStart}); timestamps are written as the driver writes them
     * ({@link SqlValues#text}); every other value as its JSON (a jsonb column's text stays a string, cast as the row's
     * statement casts it).
     */
    public String recordset(Collection<? extends Map<String, ?>> rows) {
        List<Map<String, @Nullable Object>> records = new ArrayList<>(rows.size());
        for (Map<String, ?> row : rows) {
            Map<String, @Nullable Object> record = new HashMap<>();
            row.forEach((name, value) -> {
                String column = name.toLowerCase(Locale.ROOT);
                if (record.containsKey(column)) {
                    throw new IllegalArgumentException("two parameters named " + column);
                }
                record.put(column, value instanceof OffsetDateTime at ? SqlValues.text(at) : value);
            });
            records.add(record);
        }
        return json.writeValueAsString(records);
    }

    public <T> @Nullable T read(@Nullable String text, Class<T> type) {
        return text == null ? null : json.readValue(text, type);
    }

    public Map<String, String> readMetadata(@Nullable String text) {
        return text == null ? Map.of() : json.readValue(text, STRING_MAP);
    }
}
