package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.customerWithCard;
import static com.chaching.subscriptions.SubscriptionsApiTest.monthlyPrice;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxBehavior;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Saving subscriptions: many rows in one statement store exactly what one row's statement stores. */
class SubscriptionRepositoryTest extends ApiTest {

    // Nanoseconds the driver rounds half up to microseconds: the statement for many rows must round them the same.
    private static final Instant ANCHOR = Instant.parse("2026-01-15T10:20:30.123456500Z");
    private static final Instant START = Instant.parse("2026-03-15T10:20:30.123456499Z");
    private static final Instant END = Instant.parse("2027-03-15T10:20:30.999999500Z");

    @Autowired
    SubscriptionRepository subscriptions;

    @Test
    void manySubscriptionsSavedTogetherAreStoredAsEachSavedAlone() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        customerWithCard(api, "c", GOOD_CARD);
        String price = monthlyPrice(api, 1500);
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> ok(api.post("/subscriptions",
                Map.of("customer", "c", "items", List.of(Map.of("price", price)))), 201).text("id")).toList();
        SubscriptionRow created = subscriptions.find(tenant, ids.getFirst()).orElseThrow();
        // A claim, which any save clears.
        subscriptions.claim(tenant, ids, END);

        subscriptions.update(tenant, allNull(created, ids.get(0)));
        subscriptions.update(tenant, allSet(created, ids.get(1)));
        // A row listed twice is saved as its last copy.
        subscriptions.updateAll(tenant, List.of(allSet(created, ids.get(2)), allSet(created, ids.get(3)), allNull(created, ids.get(2))));

        assertThat(stored(tenant, ids.get(2))).isEqualTo(stored(tenant, ids.get(0)));
        assertThat(stored(tenant, ids.get(3))).isEqualTo(stored(tenant, ids.get(1)));
        assertThat(subscriptions.find(tenant, ids.get(3)).orElseThrow().state().billingCycleAnchor())
                .isEqualTo(Instant.parse("2026-01-15T10:20:30.123457Z"));
        assertThat(jdbc.sql("""
                        select count(*) from subscriptions
                         where account_id = :a and claimed_until is null and next_work_at is null and trial_start is null
                           and paused_at is null and dunning_invoice is null and days_until_due is null and default_payment_method is null
                           and tax_rates = '{}' and metadata = '{}' and pending_lines = '[]'
                        """).param("a", api.accountId()).query(Long.class).single()).isEqualTo(2);
    }

    /** A subscription with no value in any column that may have none. */
    private static SubscriptionRow allNull(SubscriptionRow created, String id) {
        SubscriptionState state = new SubscriptionState(SubscriptionStatus.CANCELED, CollectionMethod.CHARGE_AUTOMATICALLY,
                Recurring.Interval.MONTH, 1, ANCHOR, START, END, null, null, false, false, null, null, null, null, null, null, null,
                List.of(), created.state().createdAt());
        return new SubscriptionRow(id, created.customerId(), created.customerKey(), created.currency(), state, null, List.of(), null,
                Map.of(), START);
    }

    /** A subscription with a value in every column, the jsonb and array ones holding several. */
    private static SubscriptionRow allSet(SubscriptionRow created, String id) {
        List<SubscriptionInvoice.Line> pending = List.of(
                new SubscriptionInvoice.Line("Unused time on \"Plan\" ✓", "price_1", -750, 1, TaxBehavior.EXCLUSIVE, START, END, true),
                new SubscriptionInvoice.Line("Remaining time", null, 5_000_000_000_123L, 3, TaxBehavior.INCLUSIVE, ANCHOR, END, true));
        SubscriptionState state = new SubscriptionState(SubscriptionStatus.PAUSED, CollectionMethod.SEND_INVOICE,
                Recurring.Interval.YEAR, 2, ANCHOR, START, END, ANCHOR, START, true, true, START, END,
                new SubscriptionState.Pause(START, END, SubscriptionStatus.PAST_DUE), "in_first", "in_latest",
                new SubscriptionState.Collecting("in_collecting", END), new SubscriptionState.Dunning("in_dunning", ANCHOR, 2, END),
                pending, created.state().createdAt());
        return new SubscriptionRow(id, created.customerId(), created.customerKey(), created.currency(), state, "pm_1",
                List.of("txr_1", "txr_2"), 30, Map.of("note", "a \"quoted\" ünïcode value", "empty", ""), END);
    }

    /** Every stored column but the row's own id and sequence and its creation (no save writes it), as PostgreSQL reads them. */
    private String stored(Tenant tenant, String id) {
        return jdbc.sql("""
                        select cast(to_jsonb(s) - 'subscription_id' - 'seq' - 'created_at' as text) from subscriptions s
                         where account_id = :accountId and subscription_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(String.class)
                .single();
    }
}
