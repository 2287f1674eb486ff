package com.chaching.dashboard;

import com.chaching.payments.RevenueService;
import com.chaching.payments.TransactionFilter;
import com.chaching.payments.TransactionService;
import com.chaching.payments.TransactionStatus;
import com.chaching.payments.TransactionType;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.platform.PageRequest;
import com.chaching.subscriptions.SubscriptionFilter;
import com.chaching.subscriptions.SubscriptionMetrics;
import com.chaching.subscriptions.SubscriptionService;
import com.chaching.subscriptions.SubscriptionStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's home: MRR and active subscriptions per currency, revenue by day for the last 30 or 90 days,
 * what needs attention (failed payments, past-due subscriptions) and the renewals of the coming week. Every
 * figure comes from a module's service; the definitions are in docs/dashboard.md ("Home").
 */
@Controller
class HomePage {

    /** The revenue windows offered; any other {@code days} shows the first. */
    static final List<Integer> WINDOWS = List.of(30, 90);
    /** How many failed payments and past-due subscriptions the attention list shows: the latest ones. */
    static final int ATTENTION = 5;
    /** How many of the week's renewals are listed, soonest first. */
    static final int RENEWALS = 10;
    static final Duration RENEWAL_HORIZON = Duration.ofDays(7);

    private final SubscriptionMetrics metrics;
    private final RevenueService revenue;
    private final TransactionService transactions;
    private final SubscriptionService subscriptions;
    private final JsonMapper json;

    HomePage(SubscriptionMetrics metrics, RevenueService revenue, TransactionService transactions, SubscriptionService subscriptions,
             JsonMapper json) {
        this.metrics = metrics;
        this.revenue = revenue;
        this.transactions = transactions;
        this.subscriptions = subscriptions;
        this.json = json;
    }

    @GetMapping("/dashboard")
    String home(@AuthenticationPrincipal DashboardUser user, @RequestParam(defaultValue = "30") String days, Model model) {
        int window = WINDOWS.stream().filter(offered -> offered.toString().equals(days)).findFirst().orElse(WINDOWS.getFirst());
        RevenueService.DailyRevenue byDay = revenue.byDay(user.tenant(), window);
        PageRequest latest = new PageRequest(ATTENTION, null, null);
        model.addAttribute("mrr", metrics.mrr(user.tenant()));
        model.addAttribute("days", window);
        model.addAttribute("windows", WINDOWS);
        model.addAttribute("revenue", byDay);
        model.addAttribute("chart", json.writeValueAsString(chart(byDay)));
        model.addAttribute("failedPayments", transactions.list(user.tenant(),
                new TransactionFilter(TransactionType.CHARGE, TransactionStatus.FAILED, null, null, null, null), latest).data());
        model.addAttribute("pastDue", subscriptions.list(user.tenant(),
                new SubscriptionFilter(null, SubscriptionStatus.PAST_DUE, null), latest).data());
        model.addAttribute("renewals", metrics.upcomingRenewals(user.tenant(), RENEWAL_HORIZON, RENEWALS));
        return "dashboard/home";
    }

    /**
     * What the chart script draws: the days, and per currency the day's revenue in major units (a decimal from
     * the exact minor units, for the axis only; the page's text shows the amounts themselves).
     */
    private static Map<String, Object> chart(RevenueService.DailyRevenue byDay) {
        return Map.of(
                "labels", byDay.days().stream().map(Object::toString).toList(),
                "datasets", byDay.currencies().stream().map(currency -> Map.of(
                        "label", currency.currency().toUpperCase(Locale.ROOT),
                        "data", currency.amounts().stream()
                                .map(amount -> Money.of(amount, CurrencyCode.of(currency.currency())).toMajorUnits())
                                .toList()))
                        .toList());
    }
}
