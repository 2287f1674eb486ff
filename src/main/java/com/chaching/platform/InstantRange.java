package com.chaching.platform;

import java.time.Instant;

/**
 * The instants the API accepts, in bodies and query parameters alike (api.md "Representation"): from
 * {@link #MIN} to {@link #MAX}, both included. Past year 9999 ISO-8601 needs a signed, longer year that
 * clients cannot be expected to read, and PostgreSQL refuses the largest ones; before 1970 nothing is
 * billed, and years before 1 do not come back from the database as the instant that was sent. Checked
 * where text becomes an instant, so no service ever sees one outside it.
 */
public final class InstantRange {

    public static final Instant MIN = Instant.parse("1970-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59Z");

    /** How an accepted instant is described to a client whose value was refused. */
    static final String DESCRIPTION = "an ISO-8601 instant from " + MIN + " to " + MAX + ", such as 2026-11-24T10:15:30Z";

    private InstantRange() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(MIN) && !instant.isAfter(MAX);
    }
}
