package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import com.chaching.testing.CapturedLog;
import com.chaching.testing.ManagementServer;
import com.chaching.testing.Response;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** operations.md "Health and metrics": metrics and probes answer on their own port, on loopback only; the API port keeps GET /health. */
class ManagementPortApiTest extends ApiTest {

    @Autowired
    ManagementServer managementServer;

    @Test
    void theApiPortServesNoActuatorEndpoints() {
        for (String path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/health/readiness"}) {
            try (CapturedLog unmapped = CapturedLog.of("org.springframework.web.servlet.PageNotFound")) {
                Response response = anonymous().get(path);

                assertThat(response.status()).as(path).isEqualTo(404);
                assertThat(response.header("Content-Type")).as(path).startsWith("application/problem+json");
                assertThat(response.code()).as(path).isEqualTo("path_not_found");
                assertThat(unmapped.events()).as(path).singleElement()
                        .satisfies(event -> assertThat(event.getFormattedMessage()).contains("GET " + path));
            }
        }
        assertThat(anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void theManagementPortServesMetricsAndProbes() {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management().get("/actuator/prometheus").body()).contains("jvm_memory_used_bytes");
        Response readiness = management().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.text("status")).isEqualTo("UP");
        assertThat(management().get("/actuator/health/liveness").text("status")).isEqualTo("UP");
    }

    @Test
    void theManagementServerListensOnTheLoopbackAddressOnly() {
        assertThat(managementServer.boundAddress()).isNotNull();
        assertThat(managementServer.boundAddress().isLoopbackAddress()).isTrue();
        assertThat(managementServer.boundAddress().getHostAddress()).isEqualTo("127.0.0.1");
    }
}
