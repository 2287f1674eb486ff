package com.chaching.subscriptions;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * What the account's subscriptions add up to, for the dashboard's home: monthly recurring revenue per currency
 * and the renewals coming up. The rules are written in docs/dashboard.md ("Home") and computed by the SQL of
 * {@link SubscriptionMetricsRepository}, in exact integer arithmetic.
 */
@Service
public class SubscriptionMetrics {

    private final SubscriptionMetricsRepository metrics;
    private final AccountClock clocks;

    SubscriptionMetrics(SubscriptionMetricsRepository metrics, AccountClock clocks) {
        this.metrics = metrics;
        this.clocks = clocks;
    }

    /**
     * One currency's monthly recurring revenue (minor units) and how many subscriptions make it: {@code subscriptions}
     * counts those {@code active} or {@code past_due}, {@code pastDue} the part of them that is past due.
     */
    public record Mrr(String currency, long amount, long subscriptions, long pastDue) {
    }

    /** A subscription whose current period ends soon: what one period of its items costs, and whether it renews then. */
    public record Renewal(String subscriptionId, String customer, @Nullable String customerName, String currency,
                          long amount, Instant periodEnd, boolean cancelAtPeriodEnd) {
    }

    /** MRR per currency, in currency order; empty when nothing is active or past due. */
    public List<Mrr> mrr(Tenant tenant) {
        return metrics.mrr(tenant);
    }

    /**
     * The {@code active} subscriptions whose current period ends within {@code within} from now on the account's
     * clock, the soonest first, at most {@code limit} of them.
     */
    public List<Renewal> upcomingRenewals(Tenant tenant, Duration within, int limit) {
        Instant now = clocks.now(tenant);
        return metrics.renewalsBetween(tenant, now, now.plus(within), limit);
    }
}
