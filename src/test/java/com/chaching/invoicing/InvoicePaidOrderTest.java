package com.chaching.invoicing;

import static com.chaching.invoicing.InvoiceFixtures.GOOD_CARD;
import static com.chaching.invoicing.InvoiceFixtures.created;
import static com.chaching.invoicing.InvoiceFixtures.customerWithCard;
import static com.chaching.invoicing.InvoiceFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * issue 9, bug 8: {@link InvoicePaid} is told only once the paid invoice is written, so that a listener
 * reading the invoice in the same transaction sees it paid (and what it changes is not overwritten). A
 * listener here records the status it reads.
 */
@Import(InvoicePaidOrderTest.Witness.class)
class InvoicePaidOrderTest extends ApiTest {

    @Autowired
    PaidStatusWitness witness;

    @Test
    void anInvoicePaidAtFinalizationIsToldOnlyOnceWrittenPaid() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String id = invoice(api, "c", 0).text("id");

        created(api.post("/invoices/" + id + "/finalize", Map.of()), 200);

        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("paid");
        assertThat(witness.statusesReadWhenTold(id)).containsExactly("paid");
    }

    @Test
    void aFreeSubscriptionsFirstInvoiceIsToldOnlyOnceWrittenPaid() {
        Api api = signUp();
        created(api.post("/customers", Map.of("externalKey", "c")));
        String product = created(api.post("/products", Map.of("name", "Free plan"))).text("id");
        String free = created(api.post("/prices/" + product, Map.of("currency", "usd", "unitAmount", 0, "type", "recurring",
                "recurring", Map.of("interval", "month")))).text("id");

        String id = created(api.post("/subscriptions", Map.of("customer", "c", "items", List.of(Map.of("price", free))))).text("latestInvoice");

        assertThat(api.get("/invoices/" + id).text("status")).isEqualTo("paid");
        assertThat(witness.statusesReadWhenTold(id)).containsExactly("paid");
    }

    @Test
    void anInvoicePaidByACardIsToldOnlyOnceWrittenPaid() {
        Api api = signUp();
        customerWithCard(api, "c", GOOD_CARD);
        String id = invoice(api, "c", 2500).text("id");

        created(api.send("PUT", "/invoices/" + id, null, Map.of()), 200);

        assertThat(witness.statusesReadWhenTold(id)).containsExactly("paid");
    }

    /** Records, for each invoice it is told was paid, the invoice's status as the telling transaction sees it. */
    static class PaidStatusWitness {

        private final JdbcClient jdbc;
        private final Map<String, List<String>> seen = new ConcurrentHashMap<>();

        PaidStatusWitness(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventListener
        void onInvoicePaid(InvoicePaid paid) {
            String status = jdbc.sql("select status from invoices where account_id = :accountId and invoice_id = :id")
                    .param("accountId", paid.tenant().accountId())
                    .param("id", paid.invoiceId())
                    .query(String.class)
                    .single();
            seen.computeIfAbsent(paid.invoiceId(), id -> new CopyOnWriteArrayList<>()).add(status);
        }

        List<String> statusesReadWhenTold(String invoiceId) {
            return seen.getOrDefault(invoiceId, List.of());
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Witness {

        @Bean
        PaidStatusWitness paidStatusWitness(JdbcClient jdbc) {
            return new PaidStatusWitness(jdbc);
        }
    }
}
