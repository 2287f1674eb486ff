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
            assertThatThrownBy(() -> start(dataDir, taken.getLocalPort()).close()).isNotNull();
        }

        assertThat(Files.exists(dataDir.resolve("postmaster.pid"))).isFalse();
    }

    private static ConfigurableApplicationContext start(Path dataDir, int port) {
        return new SpringApplicationBuilder(ChachingApplication.class).run(
                "--server.port=" + port, "--server.address=127.0.0.1", "--management.server.port=0",
                "--chaching.database.data-dir=" + dataDir, "--chaching.engine.interval=PT1H");
    }
}
