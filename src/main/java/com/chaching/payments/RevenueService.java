package com.chaching.payments;

import com.chaching.accounts.AccountService;
import com.chaching.platform.AccountClock;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Revenue by day (docs/dashboard.md "Home"): per currency, succeeded charges minus succeeded refunds, by the
 * account's local day (its time zone setting), for a window of days ending today on the account's clock.
 */
@Service
public class RevenueService {

    /** The longest window asked for: the dashboard offers 30 and 90 days. */
    public static final int MAX_DAYS = 366;

    private final RevenueRepository revenue;
    private final AccountService accounts;
    private final AccountClock clocks;

    RevenueService(RevenueRepository revenue, AccountService accounts, AccountClock clocks) {
        this.revenue = revenue;
        this.accounts = accounts;
        this.clocks = clocks;
    }

    /** The window's days, oldest first, in the account's time zone. */
    public record DailyRevenue(ZoneId zone, List<LocalDate> days, List<CurrencyRevenue> currencies) {

        public boolean isEmpty() {
            return currencies.isEmpty();
        }
    }

    /**
     * One currency's revenue over the window, in minor units: its total and one amount per day of the window
     * (0 on a day with nothing), aligned with {@link DailyRevenue#days()}.
     */
    public record CurrencyRevenue(String currency, long total, List<Long> amounts) {
    }

    /** The last {@code days} local days up to and including today; a currency appears when it moved in the window. */
    public DailyRevenue byDay(Tenant tenant, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days must be 1 to " + MAX_DAYS + ": " + days);
        }
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        LocalDate today = LocalDate.ofInstant(clocks.now(tenant), zone);
        LocalDate first = today.minusDays(days - 1L);
        // Local midnights, through the zone's rules: a day of a DST change is 23 or 25 hours long.
        Instant from = first.atStartOfDay(zone).toInstant();
        Instant until = today.plusDays(1).atStartOfDay(zone).toInstant();
        List<LocalDate> window = first.datesUntil(today.plusDays(1)).toList();
        Map<CurrencyCode, Money[]> byCurrency = new LinkedHashMap<>();
        for (RevenueRepository.DayAmount row : revenue.netByLocalDay(tenant, zone, from, until)) {
            int index = (int) (row.day().toEpochDay() - first.toEpochDay());
            if (index >= 0 && index < days) {
                CurrencyCode currency = CurrencyCode.of(row.currency());
                Money[] amounts = byCurrency.computeIfAbsent(currency,
                        code -> Collections.nCopies(days, Money.zero(code)).toArray(Money[]::new));
                amounts[index] = amounts[index].plus(Money.of(row.amount(), currency));
            }
        }
        List<CurrencyRevenue> currencies = new ArrayList<>();
        byCurrency.forEach((currency, amounts) -> {
            List<Money> list = List.of(amounts);
            currencies.add(new CurrencyRevenue(currency.code(), Money.sum(currency, list).amount(),
                    list.stream().map(Money::amount).toList()));
        });
        return new DailyRevenue(zone, window, List.copyOf(currencies));
    }
}
