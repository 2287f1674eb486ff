package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.pattern.PathPatternParser;

/** The request mapping's shortcut (issue 14) passes over only mappings that cannot match, and routes as Spring does. */
class LiteralPrefixHandlerMappingApiTest extends ApiTest {

    @Test
    void aPatternsLiteralPrefixEndsAtItsFirstVariableOrWildcard() {
        assertThat(prefix("/customers/{externalKey}")).isEqualTo("/customers/");
        assertThat(prefix("/customers/{externalKey}/payment-methods")).isEqualTo("/customers/");
        assertThat(prefix("/customers/search")).isEqualTo("/customers/search");
        assertThat(prefix("/webjars/**")).isEqualTo("/webjars/");
        assertThat(prefix("/")).isEqualTo("/");
        assertThat(LiteralPrefixHandlerMapping.mayMatch(new String[] {"/customers/"}, "/invoices/in_1")).isFalse();
        assertThat(LiteralPrefixHandlerMapping.mayMatch(new String[] {"/invoices/"}, "/invoices/in_1")).isTrue();
        assertThat(LiteralPrefixHandlerMapping.mayMatch(new String[] {"/customers/"}, "/%63ustomers/c")).as("left to Spring").isTrue();
    }

    @Test
    void requestsRouteAsBeforeIncludingNearMisses() {
        Api api = signUp();
        createCustomer(api, Map.of("externalKey", "ada"));

        assertThat(api.get("/customers/ada").text("externalKey")).isEqualTo("ada");
        assertThat(api.get("/customers/ada/payment-methods").status()).isEqualTo(200);
        assertThat(api.get("/customers/search?query=ada").status()).isEqualTo(200);
        assertThat(api.get("/customersx/ada").status()).isEqualTo(404);
        assertThat(api.send("PUT", "/customers/ada", null, Map.of()).status()).isEqualTo(405);
    }

    private static String prefix(String pattern) {
        return LiteralPrefixHandlerMapping.literalPrefix(PathPatternParser.defaultInstance.parse(pattern));
    }
}
