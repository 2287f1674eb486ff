package com.chaching.payments;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.AccountRows;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Transactions; a charge's refunded amount is the sum of its succeeded refunds, never a stored counter. */
@Repository
class TransactionRepository {

    // The refunds' subquery names the account itself (:accountId, never r.account_id = t.account_id): Citus routes a
    // statement that locks rows to one shard only when every level of it names the account (issue 16), and every
    // statement built on this one filters t.account_id = :accountId too.
    private static final String SELECT = """
            select t.*, c.external_key as customer_key,
                   (select coalesce(sum(r.amount), 0) from transactions r
                     where r.account_id = :accountId and r.source_transaction_id = t.transaction_id
                       and r.type = 'refund' and r.status = 'succeeded') as refunded_amount
              from transactions t
              left join customers c on c.account_id = t.account_id and c.customer_id = t.customer_id
            """;

    private static final String SETTLE = """
                        update transactions
                           set status = :status, fee = :fee, net = :net, gateway_reference = :gatewayReference,
                               failure_code = :failureCode, failure_message = :failureMessage, available_on = :availableOn,
                               pending_since = null, updated_at = :now
                         where account_id = :accountId and transaction_id = :id and status = 'pending'
                        """;

    private static final String INSERT = """
                        insert into transactions (account_id, transaction_id, livemode, type, status, amount, fee, net, currency,
                                                  invoice_id, customer_id, payment_method_id, source_transaction_id, gateway_key,
                                                  gateway_reference, failure_code, failure_message, reason, description,
                                                  available_on, pending_since, created_at, updated_at)
                        values (:accountId, :id, :livemode, :type, :status, :amount, :fee, :net, :currency, :invoiceId, :customerId,
                                :paymentMethodId, :sourceTransactionId, :gatewayKey, :gatewayReference, :failureCode,
                                :failureMessage, :reason, :description, :availableOn, :pendingSince, :createdAt, :updatedAt)
                        """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final RowMapper<TransactionRow> rows = TransactionRepository::transaction;
    private final AccountRows<TransactionRow> byId;

    TransactionRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.byId = new AccountRows<>(jdbc, SELECT, "t", "transaction_id", rows);
    }

    /** A transaction waiting for its gateway outcome, as the reconciler finds it. */
    record Pending(Tenant tenant, String transactionId) {
    }

    void insert(Tenant tenant, TransactionRow row, @Nullable Instant pendingSince) {
        insertAll(tenant, List.of(row), pendingSince);
    }

    /** Transactions in one batch of statements (a bill run's charges are recorded pending together). */
    void insertAll(Tenant tenant, List<TransactionRow> transactions, @Nullable Instant pendingSince) {
        batch.batchUpdate(INSERT, transactions.stream().map(row -> columns(tenant, row, pendingSince)).toArray(Map[]::new));
    }

    private static Map<String, Object> columns(Tenant tenant, TransactionRow row, @Nullable Instant pendingSince) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("accountId", tenant.accountId());
        columns.put("id", row.id());
        columns.put("livemode", tenant.livemode());
        columns.put("type", row.type().value());
        columns.put("status", row.status().value());
        columns.put("amount", row.amount());
        columns.put("fee", row.fee());
        columns.put("net", row.net());
        columns.put("currency", row.currency().code());
        columns.put("invoiceId", row.invoiceId());
        columns.put("customerId", row.customerId());
        columns.put("paymentMethodId", row.paymentMethodId());
        columns.put("sourceTransactionId", row.sourceTransactionId());
        columns.put("gatewayKey", row.gatewayKey());
        columns.put("gatewayReference", row.gatewayReference());
        columns.put("failureCode", row.failureCode());
        columns.put("failureMessage", row.failureMessage());
        columns.put("reason", row.reason());
        columns.put("description", row.description());
        columns.put("availableOn", utc(row.availableOn()));
        columns.put("pendingSince", utc(pendingSince));
        columns.put("createdAt", utc(row.createdAt()));
        columns.put("updatedAt", utc(row.updatedAt()));
        return columns;
    }

    Optional<TransactionRow> find(Tenant tenant, String id) {
        return byId.find(tenant, id);
    }

    /** Locks the transaction for the caller's transaction; with {@code skipLocked}, empty when another holds it. */
    Optional<TransactionRow> lock(Tenant tenant, String id, boolean skipLocked) {
        return skipLocked ? byId.tryLock(tenant, id) : byId.lock(tenant, id);
    }

    /** Settles a pending transaction; false when it was no longer pending (someone settled it first). */
    boolean settle(Tenant tenant, String id, TransactionStatus status, long fee, long net, @Nullable String gatewayReference,
                   @Nullable String failureCode, @Nullable String failureMessage, @Nullable Instant availableOn, Instant now) {
        return jdbc.sql(SETTLE)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .param("status", status.value())
                .param("fee", fee)
                .param("net", net)
                .param("gatewayReference", gatewayReference)
                .param("failureCode", failureCode)
                .param("failureMessage", failureMessage)
                .param("availableOn", utc(availableOn))
                .param("now", utc(now))
                .update() == 1;
    }

    /** The transactions with these ids, as they stand. */
    List<TransactionRow> findAll(Tenant tenant, Collection<String> ids) {
        return byId.findAll(tenant, ids);
    }

    /** Locks the transactions for the caller's transaction, in id order (so that two batches never wait on each other in a circle). */
    List<TransactionRow> lockAll(Tenant tenant, Collection<String> ids) {
        return byId.lockAll(tenant, ids);
    }

    /** {@link #settle} for several transactions, locked by the caller and still pending, in one statement. */
    void settleAll(Tenant tenant, List<TransactionRow> settled) {
        if (settled.isEmpty()) {
            return;
        }
        // One statement for the batch: the rows' outcomes travel as arrays, joined by id.
        jdbc.sql("""
                        update transactions t
                           set status = v.status, fee = v.fee, net = v.net, gateway_reference = v.gateway_reference,
                               failure_code = v.failure_code, failure_message = v.failure_message,
                               available_on = cast(v.available_on as timestamptz), pending_since = null, updated_at = :now
                          from unnest(cast(:ids as text[]), cast(:statuses as text[]), cast(:fees as bigint[]), cast(:nets as bigint[]),
                                      cast(:references as text[]), cast(:codes as text[]), cast(:messages as text[]),
                                      cast(:availableOn as text[]))
                               as v(id, status, fee, net, gateway_reference, failure_code, failure_message, available_on)
                         where t.account_id = :accountId and t.transaction_id = v.id and t.status = 'pending'
                        """)
                .param("accountId", tenant.accountId())
                .param("ids", settled.stream().map(TransactionRow::id).toArray(String[]::new))
                .param("statuses", settled.stream().map(row -> row.status().value()).toArray(String[]::new))
                .param("fees", settled.stream().map(TransactionRow::fee).toArray(Long[]::new))
                .param("nets", settled.stream().map(TransactionRow::net).toArray(Long[]::new))
                .param("references", settled.stream().map(TransactionRow::gatewayReference).toArray(String[]::new))
                .param("codes", settled.stream().map(TransactionRow::failureCode).toArray(String[]::new))
                .param("messages", settled.stream().map(TransactionRow::failureMessage).toArray(String[]::new))
                .param("availableOn", settled.stream().map(row -> row.availableOn() == null ? null : row.availableOn().toString())
                        .toArray(String[]::new))
                .param("now", utc(settled.getFirst().updatedAt()))
                .update();
    }

    /** A charge's refunds, newest first (in the order they were recorded, as every list). */
    List<TransactionRow> refundsOf(Tenant tenant, String chargeId) {
        return jdbc.sql(SELECT + """
                         where t.account_id = :accountId and t.source_transaction_id = :chargeId and t.type = 'refund'
                         order by t.seq desc
                        """)
                .param("accountId", tenant.accountId())
                .param("chargeId", chargeId)
                .query(rows)
                .list();
    }

    /** What is refunded or being refunded of a charge: refunds that succeeded or are still pending. */
    long refundedOrPending(Tenant tenant, String chargeId) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from transactions
                         where account_id = :accountId and source_transaction_id = :chargeId and type = 'refund'
                           and status in ('pending', 'succeeded')
                        """)
                .param("accountId", tenant.accountId())
                .param("chargeId", chargeId)
                .query(Long.class)
                .single();
    }

    @Nullable Instant pendingSince(Tenant tenant, String id) {
        return jdbc.sql("select pending_since from transactions where account_id = :accountId and transaction_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query((rs, row) -> instant(rs, "pending_since"))
                .optional()
                .orElse(null);
    }

    /** Pending charges and refunds that went to the gateway before {@code before} (server time), any account. */
    List<Pending> pendingBefore(Instant before, int limit) {
        return jdbc.sql("""
                        select account_id, livemode, transaction_id from transactions
                         where status = 'pending' and pending_since < :before
                         order by pending_since
                         limit :limit
                        """)
                .param("before", utc(before))
                .param("limit", limit)
                .query((rs, row) -> new Pending(new Tenant(rs.getString("account_id"), rs.getBoolean("livemode")),
                        rs.getString("transaction_id")))
                .list();
    }

    Page<TransactionRow> list(Tenant tenant, TransactionFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from (" + SELECT + " where t.account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.type() != null) {
            sql.append(" and t.type = :type");
            params.put("type", filter.type().value());
        }
        if (filter.status() != null) {
            sql.append(" and t.status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.customer() != null) {
            sql.append(" and c.external_key = :customer");
            params.put("customer", filter.customer());
        }
        if (filter.invoice() != null) {
            sql.append(" and t.invoice_id = :invoice");
            params.put("invoice", filter.invoice());
        }
        if (filter.createdGte() != null) {
            sql.append(" and t.created_at >= :createdGte");
            params.put("createdGte", utc(filter.createdGte()));
        }
        if (filter.createdLt() != null) {
            sql.append(" and t.created_at < :createdLt");
            params.put("createdLt", utc(filter.createdLt()));
        }
        sql.append(") listed where true");
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "transactions", "transaction_id"));
    }

    /** Per currency: the net of succeeded charges and refunds, split at {@code now} by when it becomes available. */
    List<Balance.Amounts> balance(Tenant tenant, Instant now) {
        return jdbc.sql("""
                        select currency,
                               coalesce(sum(net) filter (where type = 'refund' or available_on <= :now), 0) as available,
                               coalesce(sum(net) filter (where type = 'charge' and available_on > :now), 0) as pending
                          from transactions
                         where account_id = :accountId and status = 'succeeded' and type in ('charge', 'refund')
                         group by currency
                         order by currency
                        """)
                .param("accountId", tenant.accountId())
                .param("now", utc(now))
                .query((rs, row) -> new Balance.Amounts(rs.getString("currency"), rs.getLong("available"), rs.getLong("pending")))
                .list();
    }

    private static TransactionRow transaction(ResultSet rs, int row) throws SQLException {
        return new TransactionRow(
                rs.getString("transaction_id"),
                TransactionType.fromValue(rs.getString("type")),
                TransactionStatus.fromValue(rs.getString("status")),
                rs.getLong("amount"),
                rs.getLong("fee"),
                rs.getLong("net"),
                CurrencyCode.of(rs.getString("currency")),
                rs.getString("invoice_id"),
                rs.getString("customer_id"),
                rs.getString("customer_key"),
                rs.getString("payment_method_id"),
                rs.getString("source_transaction_id"),
                rs.getString("gateway_key"),
                rs.getString("gateway_reference"),
                rs.getString("failure_code"),
                rs.getString("failure_message"),
                rs.getLong("refunded_amount"),
                rs.getString("reason"),
                rs.getString("description"),
                instant(rs, "available_on"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
