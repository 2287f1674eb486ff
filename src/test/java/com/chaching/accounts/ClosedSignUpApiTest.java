package com.chaching.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** With {@code CHACHING_SIGNUP=closed}, only the operator (holding the admin token) creates accounts. */
@TestPropertySource(properties = {"chaching.signup=closed", "chaching.admin-token=operator-secret-token"})
class ClosedSignUpApiTest extends ApiTest {

    private static final Map<String, String> ACCOUNT =
            Map.of("name", "Closed Co", "email", "closed@example.test", "password", "correct horse battery");

    @Test
    void signUpWithoutTheAdminTokenIsRefused() {
        Response response = anonymous().post("/accounts", ACCOUNT);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.code()).isEqualTo("unauthenticated");
        assertThat(anonymous().withKey("wrong-token").post("/accounts", ACCOUNT).status()).isEqualTo(401);
    }

    @Test
    void theOperatorSignsUpWithTheAdminToken() {
        Response response = anonymous().withKey("operator-secret-token").post("/accounts",
                Map.of("name", "Operator Made", "email", "operator-made@example.test", "password", "correct horse battery"));

        assertThat(response.status()).isEqualTo(201);
        assertThat(anonymous().withKey(response.text("apiKey")).get("/account").status()).isEqualTo(200);
    }
}
