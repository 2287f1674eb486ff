package com.chaching.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded PostgreSQL 17 this process runs when no database URL is configured (zonky's binaries
 * from Maven Central). Its data directory survives restarts; a throwaway one serves the tests.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    static final String DATABASE = "chaching";
    static final String USER = "postgres";

    /** The throwaway server of this JVM: every application context of a test run shares it. */
    private static @Nullable EmbeddedPostgres throwaway;

    private final @Nullable EmbeddedPostgres postgres;
    private final boolean owned;

    private EmbeddedPostgresServer(@Nullable EmbeddedPostgres postgres, boolean owned) {
        this.postgres = postgres;
        this.owned = owned;
    }

    /** Starts the embedded server when {@code settings} name no database of their own. */
    static EmbeddedPostgresServer startIfNeeded(DatabaseSettings settings) throws IOException, SQLException {
        if (!settings.embedded()) {
            return new EmbeddedPostgresServer(null, false);
        }
        if (settings.ephemeral()) {
            return new EmbeddedPostgresServer(startThrowaway(), false);
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200");
        Path directory = settings.dataDir().toAbsolutePath();
        Files.createDirectories(directory);
        // Stopped by the application context, after the connection pool has closed.
        builder.setDataDirectory(directory).setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (settings.embeddedPort() > 0) {
            builder.setPort(settings.embeddedPort());
        }
        log.info("starting the embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres postgres = builder.start();
        createDatabaseIfMissing(postgres);
        log.info("embedded PostgreSQL listening on localhost:{} (database {}, user {})", postgres.getPort(), DATABASE, USER);
        return new EmbeddedPostgresServer(postgres, true);
    }

    /** Started once per JVM; zonky's shutdown hook stops it and deletes its directory when the JVM exits. */
    private static synchronized EmbeddedPostgres startThrowaway() throws IOException, SQLException {
        if (throwaway == null) {
            Path directory = Files.createTempDirectory("chaching-pg-");
            log.info("starting a throwaway embedded PostgreSQL in {}", directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "300")
                    .setDataDirectory(directory).setCleanDataDirectory(true)
                    // A throwaway database need not survive a crash: trade durability for test speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    .start();
            createDatabaseIfMissing(postgres);
            throwaway = postgres;
        }
        return throwaway;
    }

    /** The JDBC URL of this JVM's throwaway server, starting it if needed; for tests that connect as an outside server. */
    static String throwawayJdbcUrl() throws IOException, SQLException {
        return startThrowaway().getJdbcUrl(USER, DATABASE);
    }

    boolean running() {
        return postgres != null;
    }

    String jdbcUrl() {
        if (postgres == null) {
            throw new IllegalStateException("no embedded PostgreSQL is running");
        }
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null && owned) {
            postgres.close();
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet exists = statement.executeQuery("select 1 from pg_database where datname = 'chaching'")) {
            if (!exists.next()) {
                statement.execute("create database chaching");
            }
        }
    }
}
