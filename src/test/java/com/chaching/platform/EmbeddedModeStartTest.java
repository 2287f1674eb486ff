package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.ChachingApplication;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The service as `java -jar` runs it in embedded mode, its PostgreSQL started early (EmbeddedPostgresEarlyStart):
 * it serves from the data directory, and no PostgreSQL outlives it, whether it stops or fails to start.
 */
class EmbeddedModeStartTest {

    @Test
    void theServiceRunsItsOwnPostgresAndStopsItWhenItStops(@TempDir Path dataDir) throws Exception {
        try (ConfigurableApplicationContext service = start(dataDir, 0)) {
            String port = service.getEnvironment().getProperty("local.server.port");
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(dataDir.resolve("postmaster.pid")).exists();
        }
        // PostgreSQL removes its pid file when it has shut down.
        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
        assertThat(dataDir.resolve("PG_VERSION")).exists();
    }

    @Test
    void aStartThatFailsLeavesNoPostgresRunning(@TempDir Path dataDir) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Spring Boot re-initializes logging as it starts, so the failure report it logs cannot be
            // captured; it is silenced for this start, and the failure read from the exception instead.
            assertThatThrownBy(() -> start(dataDir, taken.getLocalPort(),
                    "--logging.level.org.springframework.boot.diagnostics=OFF",
                    "--logging.level.org.springframework.boot.web.server=OFF").close())
                    .hasRootCauseInstanceOf(java.net.BindException.class);
        }

        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    private static ConfigurableApplicationContext start(Path dataDir, int port, String... more) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=" + port, "--server.address=127.0.0.1", "--management.server.port=0",
                "--chaching.database.data-dir=" + dataDir, "--chaching.engine.interval=PT1H"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(ChachingApplication.class).run(arguments.toArray(String[]::new));
    }
}
