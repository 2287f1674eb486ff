package com.chaching.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import com.chaching.accounts.AfterRetries;
import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.platform.ApiProblem;
import com.chaching.subscriptions.SubscriptionUpdate.ProrationBehavior;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link SubscriptionLifecycle} as a pure function, over random lives of a subscription: random plans, time
 * zones, trials, anchors, retry schedules and collection methods; then random sequences of clock moves (the
 * due work run in time order), payments that succeed, fail or are never answered, payments and voids by hand,
 * pauses, resumptions, cancellations and changes of items with each proration behavior. {@link LifecycleModel}
 * checks after every event: never active while the first invoice is unpaid, past_due exactly while a dunning
 * invoice is open, at most one invoice per period, ended is final, periods tile the time but for paused or
 * unpaid time, nothing billed while paused, and due work always comes to an end.
 */
class SubscriptionLifecycleTest {

    private static final List<ZoneId> ZONES = List.of(ZoneId.of("UTC"), ZoneId.of("America/New_York"), ZoneId.of("Europe/Berlin"),
            ZoneId.of("Australia/Lord_Howe"));
    private static final Instant START = Instant.parse("2027-01-31T10:30:00Z");

    @Test
    void everyLifeKeepsTheInvariants() {
        qt().withExamples(1000).forAll(longs().all(), lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 60))
                .checkAssert((seed, commands) -> live(seed, commands));
    }

    @Test
    void randomLivesReachEveryStatus() {
        Random random = new Random(42);
        java.util.Set<SubscriptionStatus> seen = java.util.EnumSet.noneOf(SubscriptionStatus.class);
        for (int life = 0; life < 300; life++) {
            List<Integer> commands = random.ints(30, 0, Integer.MAX_VALUE).boxed().toList();
            seen.addAll(live(random.nextLong(), commands).statusesSeen);
        }
        assertThat(seen).as("the lives the property test draws are varied enough to mean something")
                .containsExactlyInAnyOrder(SubscriptionStatus.values());
    }

    @Test
    void aSendInvoiceSubscriptionIsNeverChargedSoNeverPastDue() {
        LifecycleModel model = new LifecycleModel(0, START, ZoneId.of("UTC"), LifecycleModel.plan("price_a", 1000, 1, Recurring.Interval.MONTH, 1),
                List.of(1, 3), AfterRetries.CANCEL, CollectionMethod.SEND_INVOICE, null, null);
        assertThat(model.state().status()).isEqualTo(SubscriptionStatus.ACTIVE);
        model.advanceTo(START.plus(Duration.ofDays(40)));
        assertThat(model.state().status()).as("send_invoice subscriptions are never charged, so never past due").isEqualTo(SubscriptionStatus.ACTIVE);
        assertThat(model.invoices).hasSize(2);
    }

    @Test
    void aChangeInvoicedAtOnceWaitsForAChargeUnderWay() {
        Plan monthly = LifecycleModel.plan("price_a", 1000, 1, Recurring.Interval.MONTH, 1);
        LifecycleContext context = new LifecycleContext("sub_x", START, ZoneId.of("UTC"), List.of(1), AfterRetries.CANCEL, () -> monthly,
                () -> "in_2");
        SubscriptionState awaiting = SubscriptionLifecycle.start(new SubscriptionLifecycle.Start(monthly, CollectionMethod.CHARGE_AUTOMATICALLY,
                null, null, false), context).state().with(s -> s.status = SubscriptionStatus.ACTIVE);
        assertThat(awaiting.collecting()).as("the first invoice's charge has no answer yet").isNotNull();

        assertThatThrownBy(() -> SubscriptionLifecycle.on(awaiting, new LifecycleEvent.ItemsChanged(monthly,
                LifecycleModel.plan("price_a", 1000, 2, Recurring.Interval.MONTH, 1), ProrationBehavior.ALWAYS_INVOICE), context))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.code()).isEqualTo("payment_in_progress"));
        Plan later = LifecycleModel.plan("price_a", 1000, 2, Recurring.Interval.MONTH, 1);
        assertThat(SubscriptionLifecycle.on(awaiting, new LifecycleEvent.ItemsChanged(monthly, later, ProrationBehavior.CREATE_PRORATIONS),
                context).state().pendingLines()).as("a change carried to the next invoice does not wait").hasSize(2);
    }

    /** One random life: a setup from the seed, then each command. */
    private static LifecycleModel live(long seed, List<Integer> commands) {
        Random setup = new Random(seed);
        Recurring.Interval interval = Recurring.Interval.values()[setup.nextInt(4)];
        int count = 1 + setup.nextInt(interval == Recurring.Interval.YEAR ? 1 : 3);
        ZoneId zone = ZONES.get(setup.nextInt(ZONES.size()));
        List<Integer> schedule = new ArrayList<>();
        for (int day = 0, n = setup.nextInt(5); schedule.size() < n; ) {
            day += 1 + setup.nextInt(4);
            schedule.add(day);
        }
        CollectionMethod method = setup.nextInt(5) == 0 ? CollectionMethod.SEND_INVOICE : CollectionMethod.CHARGE_AUTOMATICALLY;
        Duration trial = setup.nextInt(4) == 0 ? Duration.ofDays(1 + setup.nextInt(30)) : null;
        // A future anchor falls within one interval (else the API refuses it): within a day, say.
        Duration anchorIn = trial == null && setup.nextInt(4) == 0 ? Duration.ofMinutes(1 + setup.nextInt(23 * 60)) : null;
        LifecycleModel model = new LifecycleModel(seed, START, zone, LifecycleModel.plan("price_a", 100 + setup.nextInt(100_000), 1, interval, count),
                schedule, setup.nextBoolean() ? AfterRetries.CANCEL : AfterRetries.UNPAID, method, trial, anchorIn);
        for (int command : commands) {
            run(model, command / 16, command % 16);
        }
        model.advanceTo(model.now().plus(Duration.ofDays(400)));
        assertThat(SubscriptionLifecycle.dueAt(model.state(), model.now())).as("no work is left due").isEmpty();
        return model;
    }

    private static void run(LifecycleModel model, int value, int kind) {
        Instant now = model.now();
        switch (kind) {
            case 0, 1, 2, 3 -> model.advanceTo(now.plusSeconds(1 + value % (45L * 86_400)));
            case 4 -> model.advanceTo(now.plusSeconds(value % 7_200));
            case 5 -> model.request(new LifecycleEvent.Paused(value % 2 == 0 ? null : now.plusSeconds(1 + value % (20L * 86_400))));
            case 6 -> model.request(new LifecycleEvent.Resumed());
            case 7 -> model.request(new LifecycleEvent.CanceledNow(value % 2 == 0, value % 3 != 0));
            case 8 -> model.request(new LifecycleEvent.CancelAtPeriodEndSet(value % 2 == 0));
            case 9, 10 -> {
                Plan current = model.plan();
                ProrationBehavior behavior = ProrationBehavior.values()[value % 3];
                model.changePlan(LifecycleModel.plan("price_" + (value % 5), 100 + (value % 90_000), 1 + (value / 7) % 4, current.interval(),
                        current.intervalCount()), behavior);
            }
            case 11 -> {
                Recurring.Interval interval = Recurring.Interval.values()[value % 4];
                model.changePlan(LifecycleModel.plan("price_i" + (value % 3), 100 + (value % 50_000), 1, interval, 1),
                        ProrationBehavior.CREATE_PRORATIONS);
            }
            case 12, 13 -> {
                List<String> unpaid = model.unpaidInvoices();
                if (!unpaid.isEmpty()) {
                    model.payByHand(unpaid.get(value % unpaid.size()));
                }
            }
            case 14 -> {
                List<String> unpaid = model.unpaidInvoices();
                if (!unpaid.isEmpty()) {
                    model.voidByHand(unpaid.get(value % unpaid.size()));
                }
            }
            default -> model.request(new LifecycleEvent.SettingsChanged(value % 2 == 0));
        }
    }
}
