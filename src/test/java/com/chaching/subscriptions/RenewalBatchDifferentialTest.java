package com.chaching.subscriptions;

import static com.chaching.subscriptions.SubscriptionsApiTest.GOOD_CARD;
import static com.chaching.subscriptions.SubscriptionsApiTest.cardFor;
import static com.chaching.subscriptions.SubscriptionsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 14: the batch path ({@link RenewalBatch}) and the single path ({@link SubscriptionEngine#runDueWork}, which
 * {@code POST /test-clock/advance} runs) give identical results. The same random population — day, week, month and
 * year prices (some every 2 or 3 intervals), tax-inclusive and tax-exclusive prices, tax rates on subscriptions,
 * quantities 1 to 5, customers with credit balances, pending prorations, trials, send_invoice subscriptions and
 * declining cards — is built in two accounts with identical requests at identical instants; account A's due work
 * is then run by the test clock, account B's by the batch, and every invoice, line, total, number, transaction,
 * subscription, customer balance and the events of each object — their types, and their payloads' {@code data.object}
 * and {@code previousAttributes}, in order — are compared field by field.
 *
 * <p>How the instants are chosen: the single path runs each piece of work with the clock at that piece's instant,
 * the batch runs everything due with the clock at the instant it is called. So that both do the same work at the
 * same instants, both accounts are stepped together through every instant at which some work falls due: the next
 * step is the earliest {@code next_work_at} of the account's subscriptions (which must be the same in both — a
 * first check), A's test clock is advanced to it, and B's clock is moved to it without running work and the batch
 * run until it has nothing left. No step crosses a second instant of work, so a renewal, a trial's end or a
 * payment retry runs at the same clock time in both. The prorations are made by both accounts at one instant
 * mid-period (day 3, 05:00), reached the same way.
 *
 * <p>Ids are random, so objects are matched across the accounts by what they are: the catalog, payment methods,
 * subscriptions and their items by the order of the identical requests that made them; invoices by customer,
 * subscription, billing reason and creation time; transactions by invoice, type, time and amount. Every id is
 * replaced by that symbol before comparing; only line ids, event ids, request ids and the gateway's charge
 * references (random, and referred to by nothing compared) are masked; invoice numbers, whose order among
 * invoices made at one instant follows the subscriptions' random ids (in both paths), are compared as the sorted
 * set of each account's numbers, and a number inside a text is replaced by its invoice's symbol; and an invoice's
 * lines and a subscription's items are compared as sets, since items made together are listed by their random
 * ids in either path ({@code SubscriptionRepository#itemsOf}: {@code order by created_at, subscription_item_id}).
 */
// The engine's scheduled passes (which use the batch) are kept out: A's work is the test clock's alone, B's the test's calls.
@TestPropertySource(properties = "chaching.engine.interval=PT1H")
class RenewalBatchDifferentialTest extends ApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long SEED = 20261207L;
    private static final Instant START = Instant.parse("2027-01-10T10:00:00Z");
    private static final Instant PRORATION_AT = START.plus(Duration.ofDays(3)).plus(Duration.ofHours(5));
    private static final Instant HORIZON = START.plus(Duration.ofDays(33));
    private static final int CUSTOMERS = 20;
    private static final int SUBSCRIPTIONS = 32;
    private static final java.util.regex.Pattern INVOICE_NUMBER = java.util.regex.Pattern.compile("\\b[A-Z0-9]+-\\d{6}\\b");
    private static final String INSUFFICIENT_FUNDS_CARD = "4000000000009995";
    private static final String DECLINES_ALWAYS_CARD = "4000000000000341";

    @Autowired
    RenewalBatch batch;

    @Autowired
    AccountClock clocks;

    @Autowired
    TransactionTemplate inTransaction;

    /** One account's side: its client, tenant, and its ids' symbols (the same symbol for the same request in both). */
    record Side(String name, Api api, Tenant tenant, Map<String, String> symbols, List<String> subscriptions) {

        String symbol(String id) {
            return symbols.getOrDefault(id, id);
        }
    }

    /** What each path did, counted while stepping. */
    private int batchRan;
    private int stepsWithBatchWork;

    @Test
    void theBatchAndTheTestClockRenewTheSamePopulationIdentically() {
        Side a = side("A (single path)", signUp());
        Side b = side("B (batch path)", signUp());
        ok(a.api().post("/test-clock/advance", Map.of("to", START.toString())), 200);
        ok(b.api().post("/test-clock/advance", Map.of("to", START.toString())), 200);
        assertThat(a.api().get("/test-clock").text("now")).isEqualTo(b.api().get("/test-clock").text("now")).isEqualTo(START.toString());

        populate(a, SEED);
        populate(b, SEED);
        stepBoth(a, b, PRORATION_AT);
        prorate(a, SEED);
        prorate(b, SEED);
        stepBoth(a, b, HORIZON);

        assertThat(stepsWithBatchWork).as("steps in which the batch did work").isGreaterThan(5);
        compare(a, b);
    }

    // ---------------------------------------------------------------- the population

    private Side side(String name, Api api) {
        return new Side(name, api, new Tenant(api.accountId(), false), new HashMap<>(), new ArrayList<>());
    }

    /** Builds the population with the same requests, in the same order, from the same seed. */
    private void populate(Side side, long seed) {
        Random random = new Random(seed);
        Api api = side.api();
        List<String> rates = new ArrayList<>();
        for (Object[] rate : new Object[][] {{"VAT", 20}, {"Sales tax", 8.875}, {"GST", 7.25}}) {
            rates.add(remember(side, "txr", ok(api.post("/taxRates", Map.of("displayName", rate[0], "percentage", rate[1])), 201).text("id")));
        }
        // Interval groups: a subscription's items all bill on one interval.
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("day3", List.of(price(side, "day", 3, 300, "exclusive"), price(side, "day", 3, 450, "inclusive")));
        groups.put("week", List.of(price(side, "week", 1, 700, "exclusive"), price(side, "week", 1, 1250, "inclusive")));
        groups.put("week2", List.of(price(side, "week", 2, 1999, "exclusive")));
        groups.put("month", List.of(price(side, "month", 1, 1500, "exclusive"), price(side, "month", 1, 2900, "inclusive"),
                price(side, "month", 1, 999, "exclusive")));
        groups.put("year", List.of(price(side, "year", 1, 12000, "exclusive")));
        List<String> groupNames = List.of("day3", "week", "week2", "month", "month", "month", "year");

        for (int k = 0; k < CUSTOMERS; k++) {
            String key = "c" + k;
            remember(side, "cus", ok(api.post("/customers", Map.of("externalKey", key, "name", "Customer " + k)), 201).text("id"));
            String pm = remember(side, "pm", cardFor(api, key, GOOD_CARD));
            ok(api.patch("/customers/" + key, Map.of("defaultPaymentMethod", pm)), 200);
        }
        for (int i = 0; i < SUBSCRIPTIONS; i++) {
            String customer = "c" + (i % CUSTOMERS);
            List<String> group = groups.get(groupNames.get(random.nextInt(groupNames.size())));
            List<String> chosen = new ArrayList<>(group);
            Collections.shuffle(chosen, random);
            List<Map<String, Object>> items = chosen.subList(0, 1 + random.nextInt(chosen.size())).stream()
                    .<Map<String, Object>>map(price -> Map.of("price", price, "quantity", 1 + random.nextInt(5))).toList();
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("customer", customer);
            body.put("items", items);
            if (random.nextInt(3) == 0) {
                List<String> taxes = new ArrayList<>(rates);
                Collections.shuffle(taxes, random);
                body.put("taxRates", taxes.subList(0, 1 + random.nextInt(2)));
            }
            if (random.nextInt(5) == 0) {
                body.put("trialPeriodDays", 2 + random.nextInt(12));
            }
            if (random.nextInt(6) == 0) {
                body.put("collectionMethod", "send_invoice");
                body.put("daysUntilDue", random.nextBoolean() ? 7 : 30);
            }
            if (random.nextInt(15) == 0) {
                body.put("cancelAtPeriodEnd", true);
            }
            Response created = api.post("/subscriptions", body);
            assertThat(created.status()).as(side.name() + " " + body + ": " + created).isIn(200, 201);
            String id = remember(side, "sub", created.text("id"));
            side.subscriptions().add(id);
            // Items made together are listed in no set order: each is known by its subscription and price.
            created.json().get("items").get("data").valueStream().forEach(item -> side.symbols().put(item.get("id").asString(),
                    "si[" + side.symbol(id) + " " + side.symbol(item.get("price").asString()) + "]"));
        }
        for (int k = 0; k < CUSTOMERS; k++) {
            // Failing cards from now on: the first invoices were paid, the renewals' charges fail.
            String card = k % 6 == 3 ? DECLINES_ALWAYS_CARD : k % 11 == 7 ? INSUFFICIENT_FUNDS_CARD : null;
            if (card != null) {
                String key = "c" + k;
                ok(api.patch("/customers/" + key, Map.of("defaultPaymentMethod", remember(side, "pm", cardFor(api, key, card)))), 200);
            }
        }
        for (int k = SUBSCRIPTIONS - CUSTOMERS; k < CUSTOMERS; k++) {
            if (k % 2 == 1) {
                // A credit balance, granted once the subscriptions' first invoices are made, for their renewals: a
                // negative invoice, finalized, credits the customer. Only customers with one subscription get one:
                // which of a customer's invoices made at one instant takes the credit first follows the
                // subscriptions' random ids (in both paths), so it would differ between the accounts.
                String key = "c" + k;
                long credit = 500 + random.nextInt(3000);
                String credited = ok(api.post("/invoices", Map.of("customer", key, "currency", "usd",
                        "lines", List.of(Map.of("description", "Goodwill credit", "unitAmount", -credit)))), 201).text("id");
                ok(api.post("/invoices/" + credited + "/finalize", Map.of()), 200);
            }
        }
    }

    /** Mid-period, at the same instant in both accounts: about a third of the live subscriptions change a quantity, prorated. */
    private void prorate(Side side, long seed) {
        Random random = new Random(seed + 1);
        for (String id : side.subscriptions()) {
            JsonNode subscription = side.api().get("/subscriptions/" + id).json();
            boolean chosen = random.nextInt(3) == 0;
            // The item of the first price made: items made together are listed in no set order.
            JsonNode item = subscription.get("items").get("data").valueStream()
                    .min(java.util.Comparator.comparing(each -> side.symbol(each.get("price").asString()))).orElseThrow();
            long quantity = item.get("quantity").asLong() == 5 ? 2 : item.get("quantity").asLong() + 1 + random.nextInt(2);
            if (chosen && List.of("active", "past_due").contains(subscription.get("status").asString())) {
                ok(side.api().patch("/subscriptions/" + id, Map.of("prorationBehavior", "create_prorations",
                        "items", List.of(Map.of("id", item.get("id").asString(), "quantity", quantity)))), 200);
            }
        }
    }

    private String price(Side side, String interval, int count, long amount, String taxBehavior) {
        String product = remember(side, "prod", ok(side.api().post("/products", Map.of("name", "Plan " + interval + count + " " + amount)), 201).text("id"));
        return remember(side, "price", ok(side.api().post("/prices/" + product, Map.of("currency", "usd", "unitAmount", amount,
                "type", "recurring", "taxBehavior", taxBehavior, "recurring", Map.of("interval", interval, "intervalCount", count))), 201).text("id"));
    }

    /** Gives the id the next symbol of its kind: the n-th price made in A and the n-th in B get the same one. */
    private static String remember(Side side, String kind, String id) {
        long n = side.symbols().values().stream().filter(symbol -> symbol.startsWith(kind + "#")).count();
        side.symbols().put(id, kind + "#" + n);
        return id;
    }

    // ---------------------------------------------------------------- running the work

    /** Steps both accounts through every instant at which work falls due, up to {@code until}; then puts both clocks at it. */
    private void stepBoth(Side a, Side b, Instant until) {
        for (int steps = 0; steps < 500; steps++) {
            Instant nextA = nextWork(a);
            Instant nextB = nextWork(b);
            assertThat(nextB).as("the next work of B after the same steps as A").isEqualTo(nextA);
            if (nextA == null || nextA.isAfter(until)) {
                break;
            }
            ok(a.api().post("/test-clock/advance", Map.of("to", nextA.toString())), 200);
            inTransaction.executeWithoutResult(status -> clocks.advance(b.tenant(), nextA));
            // Only the batch makes B's work: nothing is created at this instant before it runs.
            assertThat(list(b.api(), "/invoices?createdGte=" + nextA)).as("B's invoices before the batch runs at " + nextA).isEmpty();
            int ran = runBatch(b);
            if (ran > 0) {
                stepsWithBatchWork++;
            }
            batchRan += ran;
        }
        ok(a.api().post("/test-clock/advance", Map.of("to", until.toString())), 200);
        inTransaction.executeWithoutResult(status -> clocks.advance(b.tenant(), until));
    }

    private int runBatch(Side side) {
        int ran = 0;
        for (int round = 0; round < 50; round++) {
            int now = batch.run(side.tenant(), 1000);
            if (now == 0) {
                return ran;
            }
            ran += now;
        }
        throw new AssertionError("the batch kept finding work at one instant");
    }

    private Instant nextWork(Side side) {
        return jdbc.sql("select min(next_work_at) from subscriptions where account_id = :a").param("a", side.api().accountId())
                .query((rs, row) -> {
                    Timestamp at = rs.getTimestamp(1);
                    return at == null ? null : at.toInstant();
                }).single();
    }

    // ---------------------------------------------------------------- comparing

    private void compare(Side a, Side b) {
        List<JsonNode> invoicesA = list(a.api(), "/invoices");
        List<JsonNode> invoicesB = list(b.api(), "/invoices");
        Map<String, JsonNode> byKeyA = invoicesByKey(a, invoicesA);
        Map<String, JsonNode> byKeyB = invoicesByKey(b, invoicesB);
        assertThat(byKeyB.keySet()).as("the invoices of B, by customer, subscription, reason and time").isEqualTo(byKeyA.keySet());
        byKeyA.forEach((key, invoice) -> assertThat(normalized(b, byKeyB.get(key))).as("invoice " + key)
                .isEqualTo(normalized(a, invoice)));
        assertThat(numbers(invoicesB)).as("B's invoice numbers").isEqualTo(numbers(invoicesA));
        List<Long> numbers = numbers(invoicesA);
        assertThat(numbers).as("gap-free numbers").isEqualTo(java.util.stream.LongStream.rangeClosed(1, numbers.size()).boxed().toList());

        Map<String, Object> transactionsA = transactionsByKey(a);
        Map<String, Object> transactionsB = transactionsByKey(b);
        assertThat(transactionsB.keySet()).as("the transactions of B").isEqualTo(transactionsA.keySet());
        transactionsA.forEach((key, transaction) -> assertThat(transactionsB.get(key)).as("transaction " + key).isEqualTo(transaction));

        for (int i = 0; i < a.subscriptions().size(); i++) {
            assertThat(normalized(b, b.api().get("/subscriptions/" + b.subscriptions().get(i)).json())).as("subscription sub#" + i)
                    .isEqualTo(normalized(a, a.api().get("/subscriptions/" + a.subscriptions().get(i)).json()));
        }
        for (int k = 0; k < CUSTOMERS; k++) {
            assertThat(normalized(b, b.api().get("/customers/c" + k).json())).as("customer c" + k)
                    .isEqualTo(normalized(a, a.api().get("/customers/c" + k).json()));
        }
        Map<String, List<JsonNode>> eventsA = eventsByObject(a);
        Map<String, List<JsonNode>> eventsB = eventsByObject(b);
        assertThat(eventsB.keySet()).as("the objects B's events are about").isEqualTo(eventsA.keySet());
        eventsA.forEach((object, events) -> {
            List<JsonNode> ofB = eventsB.get(object);
            assertThat(types(ofB)).as("the events of " + object).isEqualTo(types(events));
            for (int n = 0; n < events.size(); n++) {
                JsonNode event = events.get(n);
                assertThat(normalized(b, ofB.get(n).get("data"))).as("event " + n + " of " + object + " (" + event.get("type").asString() + ")")
                        .isEqualTo(normalized(a, event.get("data")));
            }
        });
        assertSome(eventsA.values().stream().flatMap(List::stream).toList(), "an event with previous attributes",
                event -> event.get("data").get("previousAttributes") instanceof JsonNode previous && !previous.isNull());

        assertIngredients(invoicesA, a);
    }

    /** The population really held each case, so that the comparison is not vacuous. */
    private void assertIngredients(List<JsonNode> invoices, Side a) {
        List<JsonNode> renewals = invoices.stream().filter(invoice -> "subscription_cycle".equals(invoice.get("billingReason").asString())).toList();
        assertThat(renewals).as("renewal invoices").hasSizeGreaterThan(25);
        assertSome(renewals, "a renewal that used a credit balance", invoice -> invoice.get("appliedBalance").asLong() > 0);
        List<JsonNode> lines = renewals.stream().flatMap(invoice -> invoice.get("lines").get("data").valueStream()).toList();
        assertSome(lines, "a pending proration billed by a renewal", line -> line.get("proration").asBoolean());
        assertSome(lines, "a tax-inclusive line with tax", line -> "inclusive".equals(line.get("taxBehavior").asString())
                && !line.get("taxAmounts").isEmpty());
        assertSome(lines, "a tax-exclusive line with tax", line -> "exclusive".equals(line.get("taxBehavior").asString())
                && !line.get("taxAmounts").isEmpty());
        assertSome(renewals, "an open send_invoice renewal", invoice -> "send_invoice".equals(invoice.get("collectionMethod").asString())
                && "open".equals(invoice.get("status").asString()));
        assertSome(renewals, "a renewal whose charge failed", invoice -> invoice.get("attemptCount").asInt() > 0
                && !"paid".equals(invoice.get("status").asString()));
        assertSome(invoices, "a paid invoice after a trial", invoice -> "paid".equals(invoice.get("status").asString())
                && invoice.get("total").asLong() > 0 && wasTrialing(a, invoice));
        List<String> statuses = a.subscriptions().stream().map(id -> a.api().get("/subscriptions/" + id).text("status")).toList();
        assertThat(statuses).as("subscriptions' statuses").contains("active", "past_due");
        assertThat(batchRan).as("pieces of work the batch ran").isGreaterThan(renewals.size() / 2);
    }

    private static void assertSome(List<JsonNode> nodes, String what, java.util.function.Predicate<JsonNode> test) {
        assertThat(nodes.stream().anyMatch(test)).as("the population has " + what + " (of " + nodes.size() + ")").isTrue();
    }

    private static boolean wasTrialing(Side side, JsonNode invoice) {
        JsonNode subscription = invoice.get("subscription");
        return subscription != null && !subscription.isNull()
                && side.api().get("/subscriptions/" + subscription.asString()).json().get("trialEnd") instanceof JsonNode end && !end.isNull();
    }

    private Map<String, JsonNode> invoicesByKey(Side side, List<JsonNode> invoices) {
        Map<String, JsonNode> byKey = new TreeMap<>();
        for (JsonNode invoice : invoices) {
            assertThat(invoice.get("lines").get("hasMore").asBoolean()).as("an invoice's lines fit in one page").isFalse();
            JsonNode subscription = invoice.get("subscription");
            String key = "invoice[" + invoice.get("customer").asString() + " "
                    + (subscription == null || subscription.isNull() ? "-" : side.symbol(subscription.asString())) + " "
                    + invoice.get("billingReason").asString() + " " + invoice.get("createdAt").asString() + "]";
            assertThat(byKey.put(key, invoice)).as(side.name() + ": one invoice per " + key).isNull();
            side.symbols().put(invoice.get("id").asString(), key);
            if (invoice.get("number") instanceof JsonNode number && !number.isNull()) {
                side.symbols().put(number.asString(), key);
            }
        }
        return byKey;
    }

    private Map<String, Object> transactionsByKey(Side side) {
        Map<String, Object> byKey = new TreeMap<>();
        List<JsonNode> transactions = new ArrayList<>(list(side.api(), "/transactions"));
        Collections.reverse(transactions);
        for (JsonNode transaction : transactions) {
            JsonNode invoice = transaction.get("invoice");
            String base = "transaction[" + (invoice == null || invoice.isNull() ? "-" : side.symbol(invoice.asString())) + " "
                    + transaction.get("type").asString() + " " + transaction.get("createdAt").asString() + " "
                    + transaction.path("amount").asString() + "]";
            String key = base;
            for (int n = 2; byKey.containsKey(key); n++) {
                key = base + "#" + n;
            }
            side.symbols().put(transaction.get("id").asString(), key);
            byKey.put(key, normalized(side, transaction));
        }
        return byKey;
    }

    /** Each object's events in the order they were recorded; the test clock's own events are A's alone. */
    private Map<String, List<JsonNode>> eventsByObject(Side side) {
        List<JsonNode> events = new ArrayList<>(list(side.api(), "/events"));
        Collections.reverse(events);
        Map<String, List<JsonNode>> byObject = new TreeMap<>();
        for (JsonNode event : events) {
            if (event.get("type").asString().startsWith("test_clock.")) {
                continue;
            }
            JsonNode id = event.get("data").get("object").get("id");
            String object = id == null ? "-" : side.symbol(id.asString());
            byObject.computeIfAbsent(object, o -> new ArrayList<>()).add(event);
        }
        return byObject;
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(event -> event.get("type").asString()).toList();
    }

    private static List<Long> numbers(List<JsonNode> invoices) {
        return invoices.stream().map(invoice -> invoice.get("number")).filter(number -> number != null && !number.isNull())
                .map(number -> Long.parseLong(number.asString().substring(number.asString().lastIndexOf('-') + 1))).sorted().toList();
    }

    /**
     * The object as plain maps and lists with every id replaced by its symbol. Masked: ids nothing else refers to
     * (invoice lines'), the gateway's charge references, and the number (compared as a set). Any id left unmapped
     * stays as it is, and fails the comparison.
     */
    private static Object normalized(Side side, JsonNode node) {
        return normalize(side, JSON.convertValue(node, Object.class), null);
    }

    private static Object normalize(Side side, Object value, String field) {
        return switch (value) {
            case Map<?, ?> map -> map.entrySet().stream().collect(Collectors.toMap(e -> (String) e.getKey(),
                    e -> normalize(side, e.getValue(), (String) e.getKey()), (x, y) -> x, TreeMap::new));
            // An invoice's lines and a subscription's items made at one instant are listed in no set order (by random id).
            case List<?> list when "data".equals(field) -> list.stream().map(element -> normalize(side, element, null))
                    .sorted(java.util.Comparator.comparing(String::valueOf)).toList();
            case List<?> list -> list.stream().map(element -> normalize(side, element, field)).toList();
            case String text when "number".equals(field) -> "<number>";
            case String text when "charge".equals(field) -> "<gateway charge>";
            case String text when "id".equals(field) && text.startsWith("il_") -> "<line id>";
            // Texts that name an invoice by number (a balance transaction's description) name it by its symbol.
            case String text -> INVOICE_NUMBER.matcher(side.symbol(text)).replaceAll(found -> java.util.regex.Matcher.quoteReplacement(
                    side.symbol(found.group())));
            case null -> "<null>";
            default -> value;
        };
    }

    /** Every page of a list, newest first. */
    private static List<JsonNode> list(Api api, String path) {
        List<JsonNode> all = new ArrayList<>();
        String after = null;
        while (true) {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode page = ok(api.get(path + separator + "limit=100" + (after == null ? "" : "&startingAfter=" + after)), 200).json();
            page.get("data").valueStream().forEach(all::add);
            if (!page.get("hasMore").asBoolean()) {
                return all;
            }
            after = all.getLast().get("id").asString();
        }
    }
}
