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
 * Starts PostgreSQL from zonky's binaries (Maven Central). The one class that names zonky's types, and
 * is loaded only once {@link EmbeddedPostgresServer} found them on the class path.
 */
final class ZonkyEmbeddedPostgres {

    private static final Logger log = LoggerFactory.getLogger(ZonkyEmbeddedPostgres.class);
    /** zonky's message when the JAR has no binaries for this system and architecture. */
    private static final String NO_BINARIES = "Missing embedded postgres binaries";

    /** The throwaway server of this JVM: every application context of a test run shares it. */
    private static @Nullable EmbeddedPostgres throwaway;

    private ZonkyEmbeddedPostgres() {
    }

    /** A server over {@code settings.dataDir()}, which survives restarts; stopped by closing the result. */
    static EmbeddedPostgresServer start(DatabaseSettings settings) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // zonky starts PostgreSQL with -F (no fsync) and synchronous_commit off, made for tests; this
                // server keeps an account's money, so a commit must survive a crash of the machine.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        Path directory = settings.dataDir().toAbsolutePath();
        Files.createDirectories(directory);
        // Stopped by the application context, after the connection pool has closed.
        builder.setDataDirectory(directory).setCleanDataDirectory(false).setRegisterShutdownHook(false);
        if (settings.embeddedPort() > 0) {
            builder.setPort(settings.embeddedPort());
        }
        log.info("starting the embedded PostgreSQL with its data in {}", directory);
        EmbeddedPostgres postgres = startOrExplain(builder);
        createDatabaseIfMissing(postgres);
        log.info("embedded PostgreSQL listening on localhost:{} (database {}, user {})",
                postgres.getPort(), EmbeddedPostgresServer.DATABASE, EmbeddedPostgresServer.USER);
        return new EmbeddedPostgresServer(postgres.getJdbcUrl(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.DATABASE), postgres);
    }

    /** Started once per JVM; zonky's shutdown hook stops it and deletes its directory when the JVM exits. */
    static synchronized String throwawayJdbcUrl() throws IOException, SQLException {
        if (throwaway == null) {
            Path directory = Files.createTempDirectory("chaching-pg-");
            log.info("starting a throwaway embedded PostgreSQL in {}", directory);
            EmbeddedPostgres postgres = startOrExplain(EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(60))
                    // Every application context a test run caches keeps its pool (20) open: room for 25 of them.
                    .setServerConfig("max_connections", "500")
                    .setDataDirectory(directory).setCleanDataDirectory(true)
                    // A throwaway database need not survive a crash: trade durability for test speed.
                    .setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off")
                    // So that a benchmark can say which statements took the database's time (bench/billing-run.sh).
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements"));
            createDatabaseIfMissing(postgres);
            throwaway = postgres;
        }
        return throwaway.getJdbcUrl(EmbeddedPostgresServer.USER, EmbeddedPostgresServer.DATABASE);
    }

    private static EmbeddedPostgres startOrExplain(EmbeddedPostgres.Builder builder) throws IOException {
        try {
            return builder.start();
        } catch (IllegalStateException e) {
            if (NO_BINARIES.equals(e.getMessage())) {
                throw new NoDatabaseConfiguredException("this build of Chaching has no embedded PostgreSQL for "
                        + System.getProperty("os.name") + " on " + System.getProperty("os.arch"), e);
            }
            throw e;
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
