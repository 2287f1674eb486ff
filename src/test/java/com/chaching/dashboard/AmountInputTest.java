package com.chaching.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.CurrencyCode;
import org.junit.jupiter.api.Test;

/** Typed amounts into exact minor units, with the currency's own digits; anything else is no amount. */
class AmountInputTest {

    private static final CurrencyCode USD = CurrencyCode.of("usd");
    private static final CurrencyCode JPY = CurrencyCode.of("jpy");
    private static final CurrencyCode KWD = CurrencyCode.of("kwd");

    @Test
    void anAmountInTheCurrencysUnitsIsItsExactMinorUnits() {
        assertThat(AmountInput.minorUnits("5.00", USD)).isEqualTo(500);
        assertThat(AmountInput.minorUnits(" 19.99 ", USD)).isEqualTo(1999);
        assertThat(AmountInput.minorUnits("5", USD)).isEqualTo(500);
        assertThat(AmountInput.minorUnits("5.1", USD)).isEqualTo(510);
        assertThat(AmountInput.minorUnits("5.1000", USD)).isEqualTo(510);
        assertThat(AmountInput.minorUnits("0", USD)).isZero();
        assertThat(AmountInput.minorUnits("500", JPY)).isEqualTo(500);
        assertThat(AmountInput.minorUnits("1.5", KWD)).isEqualTo(1500);
    }

    @Test
    void textThatIsNoAmountOrHasMoreDecimalsThanTheCurrencyIsNone() {
        for (String typed : new String[] {"", "abc", "-1", "1,50", "1.234", "1e3", ".5", "5.", "9999999999999999"}) {
            assertThat(AmountInput.minorUnits(typed, USD)).as(typed).isNull();
        }
        assertThat(AmountInput.minorUnits("500.5", JPY)).isNull();
        assertThat(AmountInput.minorUnits("1.0005", KWD)).isNull();
    }
}
