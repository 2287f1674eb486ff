package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Saving invoices: many rows in one statement store exactly what one row's statement stores. */
class InvoiceRepositoryTest extends ApiTest {

    // Nanoseconds the driver rounds half up to microseconds: the statement for many rows must round them the same.
    private static final Instant DUE = Instant.parse("2026-04-15T10:20:30.123456500Z");
    private static final Instant FINALIZED = Instant.parse("2026-03-15T10:20:30.123456499Z");
    private static final Instant PAID = Instant.parse("2026-03-16T10:20:30.999999500Z");

    @Autowired
    InvoiceRepository invoices;

    @Test
    void manyInvoicesSavedTogetherAreStoredAsEachSavedAlone() {
        Api api = signUp();
        Tenant tenant = new Tenant(api.accountId(), false);
        created(api.post("/customers", Map.of("externalKey", "c")));
        List<String> ids = IntStream.range(0, 4).mapToObj(i -> invoice(api, "c", 1000).text("id")).toList();
        InvoiceRow draft = invoices.find(tenant, ids.getFirst()).orElseThrow();

        invoices.update(tenant, allNull(draft, ids.get(0)));
        invoices.update(tenant, allSet(draft, ids.get(1), "T-0001"));
        // A row listed twice is saved as its last copy.
        invoices.updateAll(tenant, List.of(allSet(draft, ids.get(2), "T-0003"), allSet(draft, ids.get(3), "T-0002"),
                allNull(draft, ids.get(2))));

        assertThat(stored(tenant, ids.get(2))).isEqualTo(stored(tenant, ids.get(0)));
        assertThat(stored(tenant, ids.get(3))).isEqualTo(stored(tenant, ids.get(1)));
        assertThat(invoices.find(tenant, ids.get(3)).orElseThrow())
                .returns("T-0002", InvoiceRow::number)
                .returns(Instant.parse("2026-04-15T10:20:30.123457Z"), InvoiceRow::dueDate)
                .returns(Instant.parse("2026-03-16T10:20:31Z"), InvoiceRow::paidAt);
        assertThat(jdbc.sql("""
                        select count(*) from invoices i
                         where i.account_id = :a and i.number is null and i.due_date is null and i.payment_in_flight is null
                           and i.next_payment_attempt is null and i.finalized_at is null and i.paid_at is null and i.voided_at is null
                           and i.metadata = '{}'
                        """).param("a", api.accountId()).query(Long.class).single()).isEqualTo(2);
    }

    /** A voided draft: no value in any column that may have none. */
    private static InvoiceRow allNull(InvoiceRow draft, String id) {
        Money zero = Money.zero(draft.currency());
        return new InvoiceRow(id, null, InvoiceStatus.VOID, draft.customerId(), draft.customerKey(), draft.subscriptionId(),
                draft.currency(), draft.collectionMethod(), draft.daysUntilDue(), null, draft.billingReason(),
                new InvoiceTotals(zero, zero, zero, zero, zero, zero), 0, 0, null, null, null, null, null, Map.of(),
                draft.createdAt(), FINALIZED);
    }

    /** A part-paid invoice with a value in every column, amounts beyond an integer's range and metadata of several keys. */
    private static InvoiceRow allSet(InvoiceRow draft, String id, String number) {
        CurrencyCode currency = draft.currency();
        long subtotal = 5_000_000_000_123L;
        InvoiceTotals totals = new InvoiceTotals(Money.of(subtotal, currency), Money.of(17, currency), Money.of(subtotal, currency),
                Money.of(subtotal + 17, currency), Money.of(40, currency), Money.of(subtotal + 17 - 40, currency));
        return new InvoiceRow(id, number, InvoiceStatus.OPEN, draft.customerId(), draft.customerKey(), draft.subscriptionId(),
                currency, draft.collectionMethod(), draft.daysUntilDue(), DUE, draft.billingReason(), totals, 3_000_000_000L, 2, 3,
                DUE, FINALIZED, PAID, DUE, Map.of("note", "a \"quoted\" ünïcode value", "empty", ""), draft.createdAt(), PAID);
    }

    /** Every stored column but the row's own id, number and sequence, as PostgreSQL reads them. */
    private String stored(Tenant tenant, String id) {
        return jdbc.sql("""
                        select cast(to_jsonb(i) - 'invoice_id' - 'number' - 'seq' - 'created_at' as text) from invoices i
                         where account_id = :accountId and invoice_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(String.class)
                .single();
    }
}
