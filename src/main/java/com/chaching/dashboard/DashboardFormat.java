package com.chaching.dashboard;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the pages write amounts and instants; templates call it as {@code ${@dashboardFormat.money(…)}}.
 * Amounts go through {@link Money} so that the currency's own minor-unit digits decide the decimals (¥500,
 * $19.99, 1.500 KWD) — never a {@code double}.
 */
@Component("dashboardFormat")
class DashboardFormat {

    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** {@code 1999, "usd"} → {@code 19.99 USD}; an amount without a currency (a balance never moved) is a dash. */
    public String money(long amount, @Nullable String currency) {
        if (currency == null) {
            return amount == 0 ? "—" : Long.toString(amount);
        }
        return CurrencyCode.parse(currency)
                .map(code -> Money.of(amount, code).toMajorUnits().toPlainString() + " " + currency.toUpperCase(Locale.ROOT))
                .orElse(amount + " " + currency);
    }

    public String instant(@Nullable Instant instant) {
        return instant == null ? "—" : DAY_AND_TIME.format(instant);
    }
}
