package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 15, overload: with every connection of the pool taken, a request waits the pool's timeout and is answered
 * {@code 503 service_unavailable} with {@code Retry-After}, whichever layer needed the database — and changes
 * nothing; once connections are free again, the same requests succeed.
 */
@TestPropertySource(properties = {"spring.datasource.hikari.maximum-pool-size=4", "spring.datasource.hikari.connection-timeout=300",
        "chaching.engine.interval=PT1H", "chaching.reconciler.interval=PT1H", "chaching.webhooks.delivery-interval=PT1H"})
class OverloadApiTest extends ApiTest {

    @Autowired
    DataSource dataSource;

    @Test
    void withThePoolExhaustedRequestsAre503WithRetryAfterAndChangeNothing() throws SQLException {
        Api api = signUp();
        Api notYetSeen = signUp();
        createCustomer(api, Map.of("externalKey", "c"));
        assertThat(api.get("/customers/c").status()).isEqualTo(200);

        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                held.add(dataSource.getConnection());
            }
            expectBusy(api.get("/customers/c"));
            expectBusy(api.get("/customers"));
            expectBusy(api.post("/customers", Map.of("externalKey", "d")));
            expectBusy(notYetSeen.get("/customers"));
            assertThat(anonymous().get("/health").status()).as("health answers, and says so").isEqualTo(503);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }

        assertThat(api.get("/customers/d").status()).as("the refused write made nothing").isEqualTo(404);
        assertThat(api.post("/customers", Map.of("externalKey", "d")).status()).isEqualTo(201);
        assertThat(notYetSeen.get("/customers").status()).isEqualTo(200);
        assertThat(anonymous().get("/health").status()).isEqualTo(200);
    }

    private static void expectBusy(Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        assertThat(response.text("code")).isEqualTo("service_unavailable");
        assertThat(response.header("Retry-After")).isEqualTo("1");
        assertThat(response.header("Request-Id")).isNotBlank();
    }
}
