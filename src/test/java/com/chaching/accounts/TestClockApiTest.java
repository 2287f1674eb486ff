package com.chaching.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** api.md "Test clock". */
class TestClockApiTest extends ApiTest {

    @Test
    void aNewSandboxAccountsClockReadsTheServersTime() {
        Response clock = signUp().get("/test-clock");

        assertThat(clock.status()).isEqualTo(200);
        assertThat(clock.text("object")).isEqualTo("test_clock");
        assertThat(clock.text("now")).isEqualTo(serverClock.instant().toString());
    }

    @Test
    void advancingMovesTheClockAndEveryNewTimestampWithIt() {
        Api api = signUp();

        Response advanced = api.post("/test-clock/advance", Map.of("to", "2031-07-04T12:30:00Z"));

        assertThat(advanced.status()).isEqualTo(200);
        assertThat(advanced.text("now")).isEqualTo("2031-07-04T12:30:00Z");
        assertThat(api.get("/test-clock").text("now")).isEqualTo("2031-07-04T12:30:00Z");
        Response customer = createCustomer(api, Map.of("name", "Future"));
        assertThat(customer.text("createdAt")).isEqualTo("2031-07-04T12:30:00Z");
        assertThat(api.patch("/customers/" + customer.text("id"), Map.of("name", "Later")).text("updatedAt"))
                .isEqualTo("2031-07-04T12:30:00Z");
        assertThat(api.patch("/account", Map.of("name", "Later")).text("updatedAt")).isEqualTo("2031-07-04T12:30:00Z");
    }

    @Test
    void theClockKeepsRunningFromWhereItWasMoved() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2032-01-01T00:00:00Z"));

        serverClock.advance(Duration.ofMinutes(5));

        assertThat(api.get("/test-clock").text("now")).isEqualTo("2032-01-01T00:05:00Z");
    }

    @Test
    void oneAccountsClockDoesNotMoveAnothers() {
        Api moved = signUp();
        Api still = signUp();

        moved.post("/test-clock/advance", Map.of("to", "2040-01-01T00:00:00Z"));

        assertThat(still.get("/test-clock").text("now")).isEqualTo(serverClock.instant().toString());
        assertThat(createCustomer(still, Map.of()).text("createdAt")).isEqualTo(serverClock.instant().toString());
    }

    @Test
    void theClockNeverMovesBack() {
        Api api = signUp();
        api.post("/test-clock/advance", Map.of("to", "2033-01-01T00:00:00Z"));

        Response back = api.post("/test-clock/advance", Map.of("to", "2032-12-31T23:59:59Z"));

        assertThat(back.status()).isEqualTo(400);
        assertThat(back.text("param")).isEqualTo("to");
        assertThat(api.get("/test-clock").text("now")).isEqualTo("2033-01-01T00:00:00Z");
        assertThat(api.post("/test-clock/advance", Map.of("to", "2033-01-01T00:00:00Z")).status()).isEqualTo(200);
    }

    @Test
    void aMalformedOrMissingInstantIsNamed() {
        Api api = signUp();
        for (Object body : new Object[] {Map.of("to", "tomorrow"), Map.of("to", "2033-13-01T00:00:00Z"), Map.of("to", 12),
                Map.of(), "{\"to\": null}", Map.of("to", "+1000000000-01-01T00:00:00Z"), Map.of("to", "10000-01-01T00:00:00Z")}) {
            Response response = api.post("/test-clock/advance", body);
            assertThat(response.status()).as(body + " → " + response).isEqualTo(400);
            assertThat(response.text("param")).isEqualTo("to");
        }
        assertThat(api.get("/test-clock").text("now")).isEqualTo(serverClock.instant().toString());
    }

    @Test
    void aLiveAccountHasNoTestClock() {
        Api live = liveAccount();

        assertThat(live.get("/account").status()).isEqualTo(200);
        assertThat(live.get("/test-clock").status()).isEqualTo(404);
        assertThat(live.post("/test-clock/advance", Map.of("to", "2040-01-01T00:00:00Z")).status()).isEqualTo(404);
    }
}
