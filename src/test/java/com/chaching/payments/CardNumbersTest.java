package com.chaching.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CardNumbersTest {

    @Test
    void brandsAreRecognisedByTheirRanges() {
        Map<String, CardBrand> numbers = Map.ofEntries(
                Map.entry("4242424242424242", CardBrand.VISA),
                Map.entry("5555555555554444", CardBrand.MASTERCARD),
                Map.entry("2223003122003222", CardBrand.MASTERCARD),
                Map.entry("2720999999999996", CardBrand.MASTERCARD),
                Map.entry("378282246310005", CardBrand.AMEX),
                Map.entry("371449635398431", CardBrand.AMEX),
                Map.entry("6011111111111117", CardBrand.DISCOVER),
                Map.entry("6445644564456445", CardBrand.DISCOVER),
                Map.entry("3566002020360505", CardBrand.JCB),
                Map.entry("36227206271667", CardBrand.DINERS),
                Map.entry("3056930009020004", CardBrand.DINERS),
                Map.entry("6200000000000005", CardBrand.UNIONPAY),
                Map.entry("9999999999999995", CardBrand.UNKNOWN));
        numbers.forEach((number, brand) -> assertThat(CardBrand.of(number)).as(number).isEqualTo(brand));
        assertThat(CardBrand.of("2221000000000009")).isEqualTo(CardBrand.MASTERCARD);
        assertThat(CardBrand.of("2721000000000000")).isEqualTo(CardBrand.UNKNOWN);
    }

    @Test
    void theLuhnCheckCatchesATypo() {
        assertThat(CardNumbers.isValid("4242424242424242")).isTrue();
        assertThat(CardNumbers.isValid("4242424242424241")).isFalse();
        assertThat(CardNumbers.isValid("378282246310005")).isTrue();
        assertThat(CardNumbers.isValid("4242")).isFalse();
        assertThat(CardNumbers.isValid("42424242424242424242")).isFalse();
        assertThat(CardNumbers.isValid("4242-4242-4242-4242")).isFalse();
        assertThat(CardNumbers.isValid(CardNumbers.normalized("4242 4242-4242 4242"))).isTrue();
    }

    @Test
    void onlyAmexHasFourDigitSecurityCodes() {
        assertThat(CardBrand.AMEX.cvcLength()).isEqualTo(4);
        assertThat(CardBrand.VISA.cvcLength()).isEqualTo(3);
    }

    @Test
    void cardDetailsNeverPrintTheirNumberOrCode() {
        assertThat(new CardDetails("4242424242424242", 12, 2030, "987").toString())
                .doesNotContain("4242424242424242").doesNotContain("987").contains("4242");
    }
}
