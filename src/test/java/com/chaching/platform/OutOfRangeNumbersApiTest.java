package com.chaching.platform;

import static com.chaching.platform.ErrorsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * api.md "Errors": a number that does not fit its integer field (too large, or with a fraction or an
 * exponent) is a 400 naming the field, like any other wrong type — never an anonymous json_invalid.
 */
class OutOfRangeNumbersApiTest extends ApiTest {

    @Test
    void aCardExpiryYearTooLargeForAnIntegerIsNamedAndNoCardIsStored() {
        Api api = signUp();

        Response response = api.post("/payment-methods", """
                {"type": "card", "card": {"number": "4242424242424242", "expMonth": 12, "expYear": 99999999999, "cvc": "123"}}""");

        assertProblem(response, 400, "parameter_invalid");
        assertThat(response.text("param")).isEqualTo("card.expYear");
        assertThat(response.text("detail")).contains("card.expYear").contains("an integer");
        assertThat(response.json().get("errors").get(0).get("param").asString()).isEqualTo("card.expYear");
        assertThat(api.get("/payment-methods").json().get("data").isEmpty()).isTrue();
    }

    @Test
    void aUnitAmountWithAnExponentIsNamedAndNoPriceIsCreated() {
        priceIsRefusedNaming("unitAmount", """
                {"currency": "usd", "unitAmount": 1e23, "type": "one_time"}""");
    }

    @Test
    void aUnitAmountBeyondEveryLongIsNamed() {
        priceIsRefusedNaming("unitAmount", """
                {"currency": "usd", "unitAmount": 123456789012345678901234567890, "type": "one_time"}""");
    }

    @Test
    void aNestedIntervalCountTooLargeIsNamedWithItsPath() {
        priceIsRefusedNaming("recurring.intervalCount", """
                {"currency": "usd", "unitAmount": 100, "type": "recurring", "recurring": {"interval": "month", "intervalCount": 4294967296}}""");
    }

    /** Creating a price with this body is a 400 naming the field, and the product has no price after it. */
    private void priceIsRefusedNaming(String param, String body) {
        Api api = signUp();
        String product = api.post("/products", Map.of("name", "Pro")).text("id");

        Response response = api.post("/prices/" + product, body);

        assertProblem(response, 400, "parameter_invalid");
        assertThat(response.text("param")).isEqualTo(param);
        assertThat(api.get("/prices?product=" + product).json().get("data").isEmpty()).isTrue();
    }

    @Test
    void aQuantityTooLargeInAListIsNamedWithItsIndex() {
        Api api = signUp();
        api.post("/customers", Map.of("externalKey", "ann"));

        Response response = api.post("/invoices", """
                {"customer": "ann", "currency": "usd", "lines": [
                  {"description": "Setup", "unitAmount": 100, "quantity": 1},
                  {"description": "Seats", "unitAmount": 100, "quantity": 99999999999999999999}]}""");

        assertProblem(response, 400, "parameter_invalid");
        assertThat(response.text("param")).isEqualTo("lines[1].quantity");
        assertThat(api.get("/invoices").json().get("data").isEmpty()).isTrue();
    }

    @Test
    void aFractionForAnIntegerIsNamed() {
        Api api = signUp();

        Response response = api.post("/payment-methods", """
                {"type": "card", "card": {"number": "4242424242424242", "expMonth": 12.0, "expYear": 2030, "cvc": "123"}}""");

        assertProblem(response, 400, "parameter_invalid");
        assertThat(response.text("param")).isEqualTo("card.expMonth");
        assertThat(api.get("/payment-methods").json().get("data").isEmpty()).isTrue();
    }
}
