package com.chaching.subscriptions;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.catalog.Recurring;
import com.chaching.invoicing.CollectionMethod;
import com.chaching.invoicing.SubscriptionInvoice;
import com.chaching.platform.AccountRows;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.JsonColumns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Subscriptions and their items. */
@Repository
class SubscriptionRepository {

    private static final String SELECT = """
            select s.*, c.external_key as customer_key
              from subscriptions s
              join customers c on c.account_id = s.account_id and c.customer_id = s.customer_id
            """;

    private static final String UPDATE = """
                        update subscriptions
                           set status = :status, currency = :currency, recurring_interval = :interval, interval_count = :intervalCount,
                               billing_cycle_anchor = :anchor, current_period_start = :periodStart, current_period_end = :periodEnd,
                               trial_start = :trialStart, trial_end = :trialEnd, trial_end_announced = :trialEndAnnounced,
                               cancel_at_period_end = :cancelAtPeriodEnd,
                               canceled_at = :canceledAt, ended_at = :endedAt, paused_at = :pausedAt, resumes_at = :resumesAt,
                               status_before_pause = :statusBeforePause, default_payment_method = :defaultPaymentMethod,
                               tax_rates = :taxRates, collection_method = :collectionMethod, days_until_due = :daysUntilDue,
                               first_invoice = :firstInvoice, latest_invoice = :latestInvoice, collecting_invoice = :collectingInvoice,
                               dunning_invoice = :dunningInvoice, dunning_started_at = :dunningStartedAt, next_retry_at = :nextRetryAt,
                               retry_count = :retryCount,
                               pending_lines = cast(:pendingLines as jsonb),
                               metadata = cast(:metadata as jsonb),
                               next_work_at = :nextWorkAt, claimed_until = null, updated_at = :updatedAt
                         where account_id = :accountId and subscription_id = :id
                        """;

    /**
     * {@link #UPDATE} for many subscriptions in one statement (issue 14: a statement per row cost the bill run 26 s of the
     * database's time per 100 000 renewals): each row's parameters, by the same names, in one JSON parameter
     * ({@link JsonColumns#recordset}).
     */
    private static final String UPDATE_ALL = """
                        update subscriptions s
                           set status = v.status, currency = v.currency, recurring_interval = v.interval, interval_count = v.intervalCount,
                               billing_cycle_anchor = v.anchor, current_period_start = v.periodStart, current_period_end = v.periodEnd,
                               trial_start = v.trialStart, trial_end = v.trialEnd, trial_end_announced = v.trialEndAnnounced,
                               cancel_at_period_end = v.cancelAtPeriodEnd,
                               canceled_at = v.canceledAt, ended_at = v.endedAt, paused_at = v.pausedAt, resumes_at = v.resumesAt,
                               status_before_pause = v.statusBeforePause, default_payment_method = v.defaultPaymentMethod,
                               tax_rates = v.taxRates, collection_method = v.collectionMethod, days_until_due = v.daysUntilDue,
                               first_invoice = v.firstInvoice, latest_invoice = v.latestInvoice, collecting_invoice = v.collectingInvoice,
                               dunning_invoice = v.dunningInvoice, dunning_started_at = v.dunningStartedAt, next_retry_at = v.nextRetryAt,
                               retry_count = v.retryCount,
                               pending_lines = cast(v.pendingLines as jsonb),
                               metadata = cast(v.metadata as jsonb),
                               next_work_at = v.nextWorkAt, claimed_until = null, updated_at = v.updatedAt
                          from jsonb_to_recordset(cast(:rows as jsonb)) as v(
                               id text, status text, currency text, interval text, intervalCount integer,
                               anchor timestamptz, periodStart timestamptz, periodEnd timestamptz,
                               trialStart timestamptz, trialEnd timestamptz, trialEndAnnounced boolean,
                               cancelAtPeriodEnd boolean,
                               canceledAt timestamptz, endedAt timestamptz, pausedAt timestamptz, resumesAt timestamptz,
                               statusBeforePause text, defaultPaymentMethod text,
                               taxRates text[], collectionMethod text, daysUntilDue integer,
                               firstInvoice text, latestInvoice text, collectingInvoice text,
                               dunningInvoice text, dunningStartedAt timestamptz, nextRetryAt timestamptz,
                               retryCount integer,
                               pendingLines text,
                               metadata text,
                               nextWorkAt timestamptz, updatedAt timestamptz)
                         where s.account_id = :accountId and s.subscription_id = v.id
                        """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonColumns json;
    private final RowMapper<SubscriptionRow> rows;
    private final AccountRows<SubscriptionRow> byId;

    SubscriptionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonColumns json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.rows = this::subscription;
        this.byId = new AccountRows<>(jdbc, SELECT, "s", "subscription_id", rows);
    }

    void insert(Tenant tenant, SubscriptionRow row, List<SubscriptionItem> items) {
        jdbc.sql("""
                        insert into subscriptions (account_id, subscription_id, customer_id, livemode, status, currency, recurring_interval,
                            interval_count, billing_cycle_anchor, current_period_start, current_period_end, trial_start, trial_end,
                            trial_end_announced, cancel_at_period_end, canceled_at, ended_at, paused_at, resumes_at, status_before_pause,
                            default_payment_method, tax_rates, collection_method, days_until_due, first_invoice, latest_invoice,
                            collecting_invoice, dunning_invoice, dunning_started_at, next_retry_at, retry_count, pending_lines, metadata,
                            next_work_at, created_at, updated_at)
                        values (:accountId, :id, :customerId, :livemode, :status, :currency, :interval, :intervalCount, :anchor, :periodStart,
                            :periodEnd, :trialStart, :trialEnd, :trialEndAnnounced, :cancelAtPeriodEnd, :canceledAt, :endedAt, :pausedAt,
                            :resumesAt, :statusBeforePause, :defaultPaymentMethod, :taxRates, :collectionMethod, :daysUntilDue, :firstInvoice,
                            :latestInvoice, :collectingInvoice, :dunningInvoice, :dunningStartedAt, :nextRetryAt, :retryCount,
                            cast(:pendingLines as jsonb), cast(:metadata as jsonb), :nextWorkAt, :createdAt, :updatedAt)
                        """)
                .params(columns(tenant, row))
                .param("livemode", tenant.livemode())
                .update();
        insertItems(tenant, row.id(), items, row.state().createdAt());
    }

    void insertItems(Tenant tenant, String subscriptionId, List<SubscriptionItem> items, Instant now) {
        for (SubscriptionItem item : items) {
            jdbc.sql("""
                            insert into subscription_items (account_id, subscription_item_id, subscription_id, price_id, quantity, created_at)
                            values (:accountId, :id, :subscriptionId, :price, :quantity, :now)
                            """)
                    .param("accountId", tenant.accountId())
                    .param("id", item.id())
                    .param("subscriptionId", subscriptionId)
                    .param("price", item.price())
                    .param("quantity", item.quantity())
                    .param("now", utc(now))
                    .update();
        }
    }

    void replaceItems(Tenant tenant, String subscriptionId, List<SubscriptionItem> items, Instant now) {
        jdbc.sql("delete from subscription_items where account_id = :accountId and subscription_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", subscriptionId)
                .update();
        insertItems(tenant, subscriptionId, items, now);
    }

    Optional<SubscriptionRow> find(Tenant tenant, String id) {
        return byId.find(tenant, id);
    }

    Optional<SubscriptionRow> lock(Tenant tenant, String id) {
        return byId.lock(tenant, id);
    }

    /** Locks the subscriptions for the caller's transaction, in id order (so that two batches never wait on each other in a circle). */
    List<SubscriptionRow> lockAll(Tenant tenant, Collection<String> ids) {
        return byId.lockAll(tenant, ids);
    }

    List<SubscriptionItem> items(Tenant tenant, String subscriptionId) {
        return itemsOf(tenant, List.of(subscriptionId)).getOrDefault(subscriptionId, List.of());
    }

    Map<String, List<SubscriptionItem>> itemsOf(Tenant tenant, Collection<String> subscriptionIds) {
        Map<String, List<SubscriptionItem>> items = new HashMap<>();
        if (subscriptionIds.isEmpty()) {
            return items;
        }
        jdbc.sql("""
                        select * from subscription_items where account_id = :accountId and subscription_id in (:ids)
                         order by created_at, subscription_item_id
                        """)
                .param("accountId", tenant.accountId())
                .param("ids", subscriptionIds)
                .query((rs, row) -> {
                    items.computeIfAbsent(rs.getString("subscription_id"), k -> new ArrayList<>())
                            .add(new SubscriptionItem(rs.getString("subscription_item_id"), "subscription_item", rs.getString("price_id"),
                                    rs.getLong("quantity")));
                    return null;
                })
                .list();
        return items;
    }

    void update(Tenant tenant, SubscriptionRow row) {
        updateAll(tenant, List.of(row));
    }

    /** Saves several subscriptions (a bill run's renewals) in one statement; a single one with {@link #UPDATE}. */
    void updateAll(Tenant tenant, List<SubscriptionRow> rows) {
        if (rows.size() <= 1) {
            batch.batchUpdate(UPDATE, rows.stream().map(row -> columns(tenant, row)).toArray(Map[]::new));
            return;
        }
        // A subscription listed twice is saved as its last row, as the statement per row saved it.
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), columns(tenant, row)));
        jdbc.sql(UPDATE_ALL)
                .param("accountId", tenant.accountId())
                .param("rows", json.recordset(byId.values()))
                .update();
    }

    /** The subscriptions whose default payment method is this one. */
    List<String> withDefaultPaymentMethod(Tenant tenant, String paymentMethodId) {
        return jdbc.sql("""
                        select subscription_id from subscriptions
                         where account_id = :accountId and default_payment_method = :paymentMethodId
                         order by subscription_id
                        """)
                .param("accountId", tenant.accountId())
                .param("paymentMethodId", paymentMethodId)
                .query(String.class)
                .list();
    }

    /** The subscriptions of a customer that have not ended, for when the customer is deleted. */
    List<String> liveOfCustomer(Tenant tenant, String customerId) {
        return jdbc.sql("""
                        select subscription_id from subscriptions
                         where account_id = :accountId and customer_id = :customerId
                           and status not in (:ended)
                        """)
                .param("accountId", tenant.accountId())
                .param("customerId", customerId)
                .param("ended", SubscriptionStatus.endedValues())
                .query(String.class)
                .list();
    }

    boolean anyUsesPrices(Tenant tenant, Collection<String> priceIds, boolean liveOnly) {
        String sql = liveOnly ? """
                select count(*) from subscription_items i
                  join subscriptions s on s.account_id = i.account_id and s.subscription_id = i.subscription_id
                 where i.account_id = :accountId and i.price_id in (:ids) and s.status not in (:ended)
                """ : "select count(*) from subscription_items where account_id = :accountId and price_id in (:ids)";
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("accountId", tenant.accountId()).param("ids", priceIds);
        if (liveOnly) {
            statement = statement.param("ended", SubscriptionStatus.endedValues());
        }
        return statement.query(Long.class).single() > 0;
    }

    /** The account's subscription whose work falls due first, at or before {@code until}, with that instant. */
    Optional<DueWork> firstDueOf(Tenant tenant, Instant until) {
        return jdbc.sql("""
                        select subscription_id, next_work_at from subscriptions
                         where account_id = :accountId and next_work_at <= :until
                         order by next_work_at, subscription_id
                         limit 1
                        """)
                .param("accountId", tenant.accountId())
                .param("until", utc(until))
                .query((rs, row) -> new DueWork(tenant, rs.getString("subscription_id"), Objects.requireNonNull(instant(rs, "next_work_at"))))
                .optional();
    }

    /** How the account's subscriptions that still bill count their periods, and where the current one ends. */
    List<Cycle> liveCycles(Tenant tenant) {
        return jdbc.sql("""
                        select status, cancel_at_period_end, billing_cycle_anchor, recurring_interval, interval_count, current_period_end
                          from subscriptions
                         where account_id = :accountId and status not in (:ended) and next_work_at is not null
                        """)
                .param("accountId", tenant.accountId())
                .param("ended", SubscriptionStatus.endedValues())
                .query((rs, row) -> new Cycle(SubscriptionStatus.fromValue(rs.getString("status")), rs.getBoolean("cancel_at_period_end"),
                        Objects.requireNonNull(instant(rs, "billing_cycle_anchor")),
                        Recurring.Interval.fromValue(rs.getString("recurring_interval")), rs.getInt("interval_count"),
                        Objects.requireNonNull(instant(rs, "current_period_end"))))
                .list();
    }

    /** How a subscription counts its periods, the end of its current one, and whether it renews at all. */
    record Cycle(SubscriptionStatus status, boolean cancelAtPeriodEnd, Instant billingCycleAnchor, Recurring.Interval interval, int intervalCount, Instant currentPeriodEnd) {
    }

    /**
     * The accounts with work due on their own clocks (the server's time plus the account's test-clock offset),
     * and how much, up to {@code limit} accounts: where the engine's workers go next. A plain read: the
     * claims are made within each account ({@link #lockDue}), so that each routes to one shard on Citus.
     */
    List<AccountWithDueWork> accountsWithDueWork(Instant serverNow, int limit) {
        return jdbc.sql("""
                        select s.account_id, s.livemode, count(*) as due
                          from subscriptions s
                          left join account_clocks k on k.account_id = s.account_id
                         where s.next_work_at <= :serverNow + make_interval(secs => coalesce(k.offset_seconds, 0))
                           and (s.claimed_until is null or s.claimed_until < :serverNow)
                         group by s.account_id, s.livemode
                         order by min(s.next_work_at)
                         limit :limit
                        """)
                .param("serverNow", utc(serverNow))
                .param("limit", limit)
                .query((rs, row) -> new AccountWithDueWork(new Tenant(rs.getString("account_id"), rs.getBoolean("livemode")),
                        rs.getLong("due")))
                .list();
    }

    /** An account, and how many of its subscriptions have work due. */
    record AccountWithDueWork(Tenant tenant, long due) {
    }

    /**
     * Locks up to {@code limit} of the account's subscriptions whose work is due at {@code accountNow}, earliest
     * first, skipping rows another worker holds or has claimed ({@link #claim}) until a time still to come on the
     * server's clock: a batch that no other worker takes while this one's transaction is open.
     */
    List<SubscriptionRow> lockDue(Tenant tenant, Instant accountNow, Instant serverNow, int limit) {
        return jdbc.sql(SELECT + """
                         where s.account_id = :accountId and s.next_work_at <= :accountNow
                           and (s.claimed_until is null or s.claimed_until < :serverNow)
                         order by s.next_work_at, s.subscription_id
                         limit :limit
                           for update of s skip locked
                        """)
                .param("accountId", tenant.accountId())
                .param("accountNow", utc(accountNow))
                .param("serverNow", utc(serverNow))
                .param("limit", limit)
                .query(rows)
                .list();
    }

    /**
     * Marks locked subscriptions as claimed until {@code until} (server time): their work is done one at a time
     * after the batch commits, and other workers leave them alone meanwhile. Any save clears the claim.
     */
    void claim(Tenant tenant, Collection<String> subscriptionIds, Instant until) {
        if (!subscriptionIds.isEmpty()) {
            jdbc.sql("update subscriptions set claimed_until = :until where account_id = :accountId and subscription_id in (:ids)")
                    .param("accountId", tenant.accountId())
                    .param("ids", subscriptionIds)
                    .param("until", utc(until))
                    .update();
        }
    }

    /** A subscription with work due at {@code at}, by its account. */
    record DueWork(Tenant tenant, String subscriptionId, Instant at) {
    }

    Page<SubscriptionRow> list(Tenant tenant, SubscriptionFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from (" + SELECT + " where s.account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.customer() != null) {
            sql.append(" and c.external_key = :customer");
            params.put("customer", filter.customer());
        }
        if (filter.status() != null) {
            sql.append(" and s.status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.price() != null) {
            sql.append(" and exists (select 1 from subscription_items i where i.account_id = s.account_id"
                    + " and i.subscription_id = s.subscription_id and i.price_id = :price)");
            params.put("price", filter.price());
        }
        sql.append(") listed where true");
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "subscriptions", "subscription_id"));
    }

    private Map<String, Object> columns(Tenant tenant, SubscriptionRow row) {
        SubscriptionState state = row.state();
        SubscriptionState.Pause pause = state.pause();
        SubscriptionState.Dunning dunning = state.dunning();
        Map<String, Object> columns = new HashMap<>();
        columns.put("accountId", tenant.accountId());
        columns.put("id", row.id());
        columns.put("customerId", row.customerId());
        columns.put("status", state.status().value());
        columns.put("currency", row.currency().code());
        columns.put("interval", state.interval().value());
        columns.put("intervalCount", state.intervalCount());
        columns.put("anchor", utc(state.billingCycleAnchor()));
        columns.put("periodStart", utc(state.currentPeriodStart()));
        columns.put("periodEnd", utc(state.currentPeriodEnd()));
        columns.put("trialStart", utc(state.trialStart()));
        columns.put("trialEnd", utc(state.trialEnd()));
        columns.put("trialEndAnnounced", state.trialEndAnnounced());
        columns.put("cancelAtPeriodEnd", state.cancelAtPeriodEnd());
        columns.put("canceledAt", utc(state.canceledAt()));
        columns.put("endedAt", utc(state.endedAt()));
        columns.put("pausedAt", pause == null ? null : utc(pause.pausedAt()));
        columns.put("resumesAt", pause == null ? null : utc(pause.resumesAt()));
        columns.put("statusBeforePause", pause == null ? null : pause.resumesTo().value());
        columns.put("defaultPaymentMethod", row.defaultPaymentMethod());
        columns.put("taxRates", row.taxRates().toArray(String[]::new));
        columns.put("collectionMethod", state.collectionMethod().value());
        columns.put("daysUntilDue", row.daysUntilDue());
        columns.put("firstInvoice", state.firstInvoice());
        columns.put("latestInvoice", state.latestInvoice());
        columns.put("collectingInvoice", state.collecting() == null ? null : state.collecting().invoice());
        columns.put("dunningInvoice", dunning == null ? null : dunning.invoice());
        columns.put("dunningStartedAt", dunning == null ? null : utc(dunning.startedAt()));
        columns.put("nextRetryAt", dunning == null ? null : utc(dunning.nextRetryAt()));
        columns.put("retryCount", dunning == null ? 0 : dunning.retriesMade());
        columns.put("pendingLines", json.write(state.pendingLines()));
        columns.put("metadata", json.write(row.metadata()));
        // While a charge is awaited, the next work is its check: next_work_at is where the check's instant is kept.
        columns.put("nextWorkAt", utc(row.nextWorkAt()));
        columns.put("createdAt", utc(state.createdAt()));
        columns.put("updatedAt", utc(row.updatedAt()));
        return columns;
    }

    private SubscriptionRow subscription(ResultSet rs, int row) throws SQLException {
        Instant pausedAt = instant(rs, "paused_at");
        String collecting = rs.getString("collecting_invoice");
        String dunningInvoice = rs.getString("dunning_invoice");
        SubscriptionState state = new SubscriptionState(
                SubscriptionStatus.fromValue(rs.getString("status")),
                CollectionMethod.fromValue(rs.getString("collection_method")),
                Recurring.Interval.fromValue(rs.getString("recurring_interval")),
                rs.getInt("interval_count"),
                instant(rs, "billing_cycle_anchor"),
                instant(rs, "current_period_start"),
                instant(rs, "current_period_end"),
                instant(rs, "trial_start"),
                instant(rs, "trial_end"),
                rs.getBoolean("trial_end_announced"),
                rs.getBoolean("cancel_at_period_end"),
                instant(rs, "canceled_at"),
                instant(rs, "ended_at"),
                pausedAt == null ? null : new SubscriptionState.Pause(pausedAt, instant(rs, "resumes_at"),
                        SubscriptionStatus.fromValue(rs.getString("status_before_pause"))),
                rs.getString("first_invoice"),
                rs.getString("latest_invoice"),
                collecting == null ? null : new SubscriptionState.Collecting(collecting, instant(rs, "next_work_at")),
                dunningInvoice == null ? null : new SubscriptionState.Dunning(dunningInvoice, instant(rs, "dunning_started_at"),
                        rs.getInt("retry_count"), instant(rs, "next_retry_at")),
                List.of(Objects.requireNonNull(json.read(rs.getString("pending_lines"), SubscriptionInvoice.Line[].class))),
                instant(rs, "created_at"));
        return new SubscriptionRow(
                rs.getString("subscription_id"),
                rs.getString("customer_id"),
                rs.getString("customer_key"),
                CurrencyCode.of(rs.getString("currency")),
                state,
                rs.getString("default_payment_method"),
                texts(rs.getArray("tax_rates")),
                (Integer) rs.getObject("days_until_due"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "updated_at"));
    }

    private static List<String> texts(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }
}
