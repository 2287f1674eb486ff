package com.chaching.invoicing;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.AccountRows;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.JsonColumns;
import com.chaching.platform.Money;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxBehavior;
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
import java.util.stream.Collectors;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Invoices, their lines and the per-account invoice number counter. */
@Repository
class InvoiceRepository {

    private static final String SELECT = """
            select i.*, c.external_key as customer_key
              from invoices i
              join customers c on c.account_id = i.account_id and c.customer_id = i.customer_id
            """;

    private static final String UPDATE = """
                        update invoices
                           set number = :number, status = :status, due_date = :dueDate, subtotal = :subtotal, tax = :tax,
                               total_excluding_tax = :totalExcludingTax, total = :total, applied_balance = :appliedBalance,
                               amount_due = :amountDue, amount_paid = :amountPaid, amount_remaining = :amountRemaining,
                               attempt_count = :attemptCount, payment_in_flight = :paymentInFlight,
                               next_payment_attempt = :nextPaymentAttempt, finalized_at = :finalizedAt, paid_at = :paidAt,
                               voided_at = :voidedAt, metadata = cast(:metadata as jsonb), updated_at = :updatedAt
                         where account_id = :accountId and invoice_id = :id
                        """;

    /**
     * {@link #UPDATE} for many invoices in one statement (issue 14: a statement per row cost the bill run 16 s of the
     * database's time per 100 000 renewals): each row's parameters, by the same names, in one JSON parameter
     * ({@link JsonColumns#recordset}).
     */
    private static final String UPDATE_ALL = """
                        update invoices i
                           set number = v.number, status = v.status, due_date = v.dueDate, subtotal = v.subtotal, tax = v.tax,
                               total_excluding_tax = v.totalExcludingTax, total = v.total, applied_balance = v.appliedBalance,
                               amount_due = v.amountDue, amount_paid = v.amountPaid, amount_remaining = v.amountRemaining,
                               attempt_count = v.attemptCount, payment_in_flight = v.paymentInFlight,
                               next_payment_attempt = v.nextPaymentAttempt, finalized_at = v.finalizedAt, paid_at = v.paidAt,
                               voided_at = v.voidedAt, metadata = cast(v.metadata as jsonb), updated_at = v.updatedAt
                          from jsonb_to_recordset(cast(:rows as jsonb)) as v(
                               id text, number text, status text, dueDate timestamptz, subtotal bigint, tax bigint,
                               totalExcludingTax bigint, total bigint, appliedBalance bigint,
                               amountDue bigint, amountPaid bigint, amountRemaining bigint,
                               attemptCount integer, paymentInFlight integer,
                               nextPaymentAttempt timestamptz, finalizedAt timestamptz, paidAt timestamptz,
                               voidedAt timestamptz, metadata text, updatedAt timestamptz)
                         where i.account_id = :accountId and i.invoice_id = v.id
                        """;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonColumns json;
    private final RowMapper<InvoiceRow> rows;
    private final AccountRows<InvoiceRow> byId;

    InvoiceRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonColumns json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
        this.rows = this::invoice;
        this.byId = new AccountRows<>(jdbc, SELECT, "i", "invoice_id", rows);
    }

    void insert(Tenant tenant, InvoiceRow invoice, List<InvoiceLine> lines) {
        insertAll(tenant, List.of(invoice), Map.of(invoice.id(), lines));
    }

    /** Invoices and their lines, each kind in one batch of statements (a bill run's renewals insert hundreds at once). */
    void insertAll(Tenant tenant, List<InvoiceRow> invoices, Map<String, List<InvoiceLine>> linesByInvoice) {
        batch.batchUpdate("""
                        insert into invoices (account_id, invoice_id, number, customer_id, subscription_id, currency, status,
                                              collection_method, days_until_due, due_date, billing_reason, subtotal, tax,
                                              total_excluding_tax, total, applied_balance, amount_due, amount_paid, amount_remaining,
                                              attempt_count, payment_in_flight, next_payment_attempt, finalized_at, paid_at,
                                              voided_at, metadata, created_at, updated_at)
                        values (:accountId, :id, :number, :customerId, :subscriptionId, :currency, :status, :collectionMethod,
                                :daysUntilDue, :dueDate, :billingReason, :subtotal, :tax, :totalExcludingTax, :total, :appliedBalance,
                                :amountDue, :amountPaid, :amountRemaining, :attemptCount, :paymentInFlight, :nextPaymentAttempt,
                                :finalizedAt, :paidAt, :voidedAt, cast(:metadata as jsonb), :createdAt, :updatedAt)
                        """, invoices.stream().map(invoice -> columns(tenant, invoice)).toArray(Map[]::new));
        List<Map<String, Object>> lines = new ArrayList<>();
        for (InvoiceRow invoice : invoices) {
            List<InvoiceLine> ofInvoice = linesByInvoice.getOrDefault(invoice.id(), List.of());
            for (int position = 0; position < ofInvoice.size(); position++) {
                InvoiceLine line = ofInvoice.get(position);
                Map<String, Object> columns = new HashMap<>();
                columns.put("accountId", tenant.accountId());
                columns.put("id", line.id());
                columns.put("invoiceId", invoice.id());
                columns.put("position", position);
                columns.put("description", line.description());
                columns.put("price", line.price());
                columns.put("quantity", line.quantity());
                columns.put("unitAmount", line.unitAmount());
                columns.put("amount", line.amount());
                columns.put("taxBehavior", line.taxBehavior().value());
                columns.put("taxAmounts", json.write(line.taxAmounts()));
                columns.put("periodStart", utc(line.period().start()));
                columns.put("periodEnd", utc(line.period().end()));
                columns.put("proration", line.proration());
                lines.add(columns);
            }
        }
        if (!lines.isEmpty()) {
            batch.batchUpdate("""
                            insert into invoice_lines (account_id, invoice_line_id, invoice_id, position, description, price_id,
                                                       quantity, unit_amount, amount, tax_behavior, tax_amounts, period_start,
                                                       period_end, proration)
                            values (:accountId, :id, :invoiceId, :position, :description, :price, :quantity, :unitAmount, :amount,
                                    :taxBehavior, cast(:taxAmounts as jsonb), :periodStart, :periodEnd, :proration)
                            """, lines.toArray(Map[]::new));
        }
    }

    Optional<InvoiceRow> find(Tenant tenant, String id) {
        return byId.find(tenant, id);
    }

    /** Locks the invoice for the caller's transaction: every change of its state is decided under this lock. */
    Optional<InvoiceRow> lock(Tenant tenant, String id) {
        return byId.lock(tenant, id);
    }

    /** Locks the invoices for the caller's transaction, in id order (so that two batches never wait on each other in a circle). */
    List<InvoiceRow> lockAll(Tenant tenant, Collection<String> ids) {
        return byId.lockAll(tenant, ids);
    }

    void update(Tenant tenant, InvoiceRow invoice) {
        updateAll(tenant, List.of(invoice));
    }

    /** Saves several invoices (a bill run's settled charges) in one statement; a single one with {@link #UPDATE}. */
    void updateAll(Tenant tenant, List<InvoiceRow> invoices) {
        if (invoices.size() <= 1) {
            batch.batchUpdate(UPDATE, invoices.stream().map(invoice -> columns(tenant, invoice)).toArray(Map[]::new));
            return;
        }
        // An invoice listed twice is saved as its last row, as the statement per row saved it.
        Map<String, Map<String, Object>> byId = new LinkedHashMap<>();
        invoices.forEach(invoice -> byId.put(invoice.id(), columns(tenant, invoice)));
        jdbc.sql(UPDATE_ALL)
                .param("accountId", tenant.accountId())
                .param("rows", json.recordset(byId.values()))
                .update();
    }

    long nextNumber(Tenant tenant) {
        return nextNumbers(tenant, 1);
    }

    /**
     * Takes the account's next {@code count} invoice numbers in one update, and returns the first: numbers
     * stay gap-free and in order, and the counter's row lock is taken once for a whole batch.
     */
    long nextNumbers(Tenant tenant, int count) {
        long last = jdbc.sql("""
                        insert into invoice_counters (account_id, last_number) values (:accountId, :count)
                        on conflict (account_id) do update set last_number = invoice_counters.last_number + :count
                        returning last_number
                        """)
                .param("accountId", tenant.accountId())
                .param("count", count)
                .query(Long.class)
                .single();
        return last - count + 1;
    }

    List<InvoiceLine> lines(Tenant tenant, String invoiceId) {
        return linesOf(tenant, List.of(invoiceId)).getOrDefault(invoiceId, List.of());
    }

    Map<String, List<InvoiceLine>> linesOf(Tenant tenant, Collection<String> invoiceIds) {
        if (invoiceIds.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("""
                        select * from invoice_lines where account_id = :accountId and invoice_id in (:ids)
                         order by invoice_id, position
                        """)
                .param("accountId", tenant.accountId())
                .param("ids", invoiceIds)
                .query((rs, row) -> Map.entry(rs.getString("invoice_id"), line(rs)))
                .list().stream()
                .collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    }

    boolean anyLineUsesPrices(Tenant tenant, Collection<String> priceIds) {
        return jdbc.sql("select count(*) from invoice_lines where account_id = :accountId and price_id in (:ids)")
                .param("accountId", tenant.accountId())
                .param("ids", priceIds)
                .query(Long.class)
                .single() > 0;
    }

    Page<InvoiceRow> list(Tenant tenant, InvoiceFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from (" + SELECT + " where i.account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.customer() != null) {
            sql.append(" and c.external_key = :customer");
            params.put("customer", filter.customer());
        }
        if (filter.status() != null) {
            sql.append(" and i.status = :status");
            params.put("status", filter.status().value());
        }
        if (filter.subscription() != null) {
            sql.append(" and i.subscription_id = :subscription");
            params.put("subscription", filter.subscription());
        }
        if (filter.createdGte() != null) {
            sql.append(" and i.created_at >= :createdGte");
            params.put("createdGte", utc(filter.createdGte()));
        }
        if (filter.createdLt() != null) {
            sql.append(" and i.created_at < :createdLt");
            params.put("createdLt", utc(filter.createdLt()));
        }
        sql.append(") listed where true");
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "invoices", "invoice_id"));
    }

    private Map<String, Object> columns(Tenant tenant, InvoiceRow invoice) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("accountId", tenant.accountId());
        columns.put("id", invoice.id());
        columns.put("number", invoice.number());
        columns.put("customerId", invoice.customerId());
        columns.put("subscriptionId", invoice.subscriptionId());
        columns.put("currency", invoice.currency().code());
        columns.put("status", invoice.status().value());
        columns.put("collectionMethod", invoice.collectionMethod().value());
        columns.put("daysUntilDue", invoice.daysUntilDue());
        columns.put("dueDate", utc(invoice.dueDate()));
        columns.put("billingReason", invoice.billingReason());
        columns.put("subtotal", invoice.totals().subtotal().amount());
        columns.put("tax", invoice.totals().tax().amount());
        columns.put("totalExcludingTax", invoice.totals().totalExcludingTax().amount());
        columns.put("total", invoice.totals().total().amount());
        columns.put("appliedBalance", invoice.totals().appliedBalance().amount());
        columns.put("amountDue", invoice.totals().amountDue().amount());
        columns.put("amountPaid", invoice.amountPaid());
        columns.put("amountRemaining", invoice.amountRemaining());
        columns.put("attemptCount", invoice.attemptCount());
        columns.put("paymentInFlight", invoice.paymentInFlight());
        columns.put("nextPaymentAttempt", utc(invoice.nextPaymentAttempt()));
        columns.put("finalizedAt", utc(invoice.finalizedAt()));
        columns.put("paidAt", utc(invoice.paidAt()));
        columns.put("voidedAt", utc(invoice.voidedAt()));
        columns.put("metadata", json.write(invoice.metadata()));
        columns.put("createdAt", utc(invoice.createdAt()));
        columns.put("updatedAt", utc(invoice.updatedAt()));
        return columns;
    }

    private InvoiceRow invoice(ResultSet rs, int row) throws SQLException {
        CurrencyCode currency = CurrencyCode.of(rs.getString("currency"));
        InvoiceTotals totals = new InvoiceTotals(Money.of(rs.getLong("subtotal"), currency), Money.of(rs.getLong("tax"), currency),
                Money.of(rs.getLong("total_excluding_tax"), currency), Money.of(rs.getLong("total"), currency),
                Money.of(rs.getLong("applied_balance"), currency), Money.of(rs.getLong("amount_due"), currency));
        return new InvoiceRow(
                rs.getString("invoice_id"),
                rs.getString("number"),
                InvoiceStatus.fromValue(rs.getString("status")),
                rs.getString("customer_id"),
                rs.getString("customer_key"),
                rs.getString("subscription_id"),
                currency,
                CollectionMethod.fromValue(rs.getString("collection_method")),
                (Integer) rs.getObject("days_until_due"),
                instant(rs, "due_date"),
                rs.getString("billing_reason"),
                totals,
                rs.getLong("amount_paid"),
                rs.getInt("attempt_count"),
                (Integer) rs.getObject("payment_in_flight"),
                instant(rs, "next_payment_attempt"),
                instant(rs, "finalized_at"),
                instant(rs, "paid_at"),
                instant(rs, "voided_at"),
                json.readMetadata(rs.getString("metadata")),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private InvoiceLine line(ResultSet rs) throws SQLException {
        InvoiceLine.TaxAmount[] taxAmounts = Objects.requireNonNull(json.read(rs.getString("tax_amounts"), InvoiceLine.TaxAmount[].class));
        return new InvoiceLine(
                rs.getString("invoice_line_id"),
                "line_item",
                rs.getString("description"),
                rs.getString("price_id"),
                rs.getLong("quantity"),
                rs.getLong("unit_amount"),
                rs.getLong("amount"),
                TaxBehavior.fromValue(rs.getString("tax_behavior")),
                Arrays.asList(taxAmounts),
                new InvoiceLine.Period(instant(rs, "period_start"), instant(rs, "period_end")),
                rs.getBoolean("proration"));
    }
}
