package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The embedded PostgreSQL keeps its data in CHACHING_DATA_DIR across restarts. */
class EmbeddedPostgresServerTest {

    @Test
    void dataSurvivesARestart(@TempDir Path dataDir) throws Exception {
        DatabaseSettings settings = new DatabaseSettings(null, null, null, dataDir, 0, false);

        try (EmbeddedPostgresServer first = EmbeddedPostgresServer.startIfNeeded(settings)) {
            JdbcClient jdbc = jdbc(first);
            jdbc.sql("create table survives (note text)").update();
            jdbc.sql("insert into survives values ('still here')").update();
        }
        assertThat(Files.exists(dataDir.resolve("PG_VERSION"))).isTrue();

        try (EmbeddedPostgresServer second = EmbeddedPostgresServer.startIfNeeded(settings)) {
            assertThat(jdbc(second).sql("select note from survives").query(String.class).single()).isEqualTo("still here");
            assertThat(jdbc(second).sql("show server_version").query(String.class).single()).startsWith("17.");
            assertThat(jdbc(second).sql("show fsync").query(String.class).single()).as("a commit survives a crash").isEqualTo("on");
            assertThat(jdbc(second).sql("show synchronous_commit").query(String.class).single()).isEqualTo("on");
        }
    }

    @Test
    void aConfiguredUrlStartsNothing() throws Exception {
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db.example.test/chaching", "u", "p", Path.of("unused"), 0, false);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.startIfNeeded(settings)) {
            assertThat(server.running()).isFalse();
        }
    }

    private static JdbcClient jdbc(EmbeddedPostgresServer server) {
        return JdbcClient.create(new DriverManagerDataSource(server.jdbcUrl(), EmbeddedPostgresServer.USER, ""));
    }
}
