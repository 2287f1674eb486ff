package com.chaching.platform;

import java.io.IOException;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.springframework.util.ClassUtils;

/**
 * The embedded PostgreSQL 17 this process runs when no database URL is configured, or nothing when one is.
 * No zonky type appears here: a JAR built without the embedded database ({@code -Pno-embedded-db}) must
 * still load this bean, and say what is missing, when {@code CHACHING_DATABASE_URL} is unset.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    static final String DATABASE = "chaching";
    static final String USER = "postgres";
    private static final String ZONKY = "io.zonky.test.db.postgres.embedded.EmbeddedPostgres";

    private final @Nullable String jdbcUrl;
    private final @Nullable AutoCloseable stop;

    EmbeddedPostgresServer(@Nullable String jdbcUrl, @Nullable AutoCloseable stop) {
        this.jdbcUrl = jdbcUrl;
        this.stop = stop;
    }

    /** Starts the embedded server when {@code settings} name no database of their own. */
    static EmbeddedPostgresServer startIfNeeded(DatabaseSettings settings) throws IOException, SQLException {
        if (!settings.embedded()) {
            return new EmbeddedPostgresServer(null, null);
        }
        if (!ClassUtils.isPresent(ZONKY, EmbeddedPostgresServer.class.getClassLoader())) {
            throw new NoDatabaseConfiguredException("this build of Chaching has no embedded PostgreSQL (it was built with -Pno-embedded-db)");
        }
        if (settings.ephemeral()) {
            // Owned by the JVM, not by this context: every application context of a test run shares it.
            return new EmbeddedPostgresServer(ZonkyEmbeddedPostgres.throwawayJdbcUrl(), null);
        }
        return ZonkyEmbeddedPostgres.start(settings);
    }

    /** The JDBC URL of this JVM's throwaway server, starting it if needed; for tests that connect as an outside server. */
    static String throwawayJdbcUrl() throws IOException, SQLException {
        return ZonkyEmbeddedPostgres.throwawayJdbcUrl();
    }

    boolean running() {
        return jdbcUrl != null;
    }

    String jdbcUrl() {
        if (jdbcUrl == null) {
            throw new IllegalStateException("no embedded PostgreSQL is running");
        }
        return jdbcUrl;
    }

    @Override
    public void close() throws Exception {
        if (stop != null) {
            stop.close();
        }
    }
}
