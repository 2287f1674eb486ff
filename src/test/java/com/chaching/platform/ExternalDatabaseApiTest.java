package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With CHACHING_DATABASE_URL set, the service uses that server instead of starting its own. */
class ExternalDatabaseApiTest extends ApiTest {

    @DynamicPropertySource
    static void pointAtAnOutsideServer(DynamicPropertyRegistry registry) {
        registry.add("chaching.database.ephemeral", () -> "false");
        registry.add("chaching.database.url", () -> {
            try {
                return EmbeddedPostgresServer.throwawayJdbcUrl();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        registry.add("chaching.database.user", () -> EmbeddedPostgresServer.USER);
        registry.add("chaching.database.password", () -> "");
    }

    @Test
    void theServiceRunsOnTheConfiguredServer() {
        String externalKey = "external-" + System.nanoTime();

        createCustomer(signUp(), Map.of("externalKey", externalKey));

        assertThat(jdbc.sql("select count(*) from customers where external_key = :k").param("k", externalKey)
                .query(Long.class).single()).isEqualTo(1);
    }
}
