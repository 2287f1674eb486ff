package com.chaching.platform;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;

/** Conversions between Java values and the column types every repository uses ({@code timestamptz}). */
public final class SqlValues {

    private SqlValues() {
    }

    /** An instant as a {@code timestamptz} parameter. */
    public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A {@code timestamptz} parameter as the text the JDBC driver sends for it: rounded to the microsecond, half up, as
     * PgJDBC rounds an {@link OffsetDateTime}; so that an instant written inside a JSON parameter is stored the same.
     */
    public static String text(OffsetDateTime at) {
        return at.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString();
    }

    /** A {@code timestamptz} column as an instant. */
    public static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
