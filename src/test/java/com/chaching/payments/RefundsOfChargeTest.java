package com.chaching.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import com.chaching.testing.Api;
import com.chaching.testing.ApiTest;
import com.chaching.testing.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What a charge's page reads: its refunds ({@link TransactionService#refundsOf}) and what is left ({@link TransactionService#refundable}). */
class RefundsOfChargeTest extends ApiTest {

    @Autowired
    TransactionService transactions;

    @Test
    void aChargesRefundsAreListedNewestFirstAndWhatIsLeftIsWhatARefundWouldStillTake() {
        Api api = signUp();
        String charge = paidCharge(api, "c", 1000);
        Tenant tenant = new Tenant(api.accountId(), false);
        assertThat(transactions.refundsOf(tenant, charge)).isEmpty();
        assertThat(transactions.refundable(tenant, charge)).isEqualTo(1000);

        String first = ok(api.post("/transactions/" + charge + "/refunds", Map.of("amount", 400)), 201).text("id");
        String second = ok(api.post("/transactions/" + charge + "/refunds", Map.of("amount", 100)), 201).text("id");

        List<Transaction> refunds = transactions.refundsOf(tenant, charge);
        assertThat(refunds).extracting(Transaction::id).containsExactly(second, first);
        assertThat(refunds).allSatisfy(refund -> assertThat(refund.charge()).isEqualTo(charge));
        assertThat(transactions.refundable(tenant, charge)).isEqualTo(500);

        // Another charge's refunds are not this one's; a refund has nothing to refund.
        String other = paidCharge(api, "d", 300);
        ok(api.post("/transactions/" + other + "/refunds", Map.of()), 201);
        assertThat(transactions.refundsOf(tenant, charge)).hasSize(2);
        assertThat(transactions.refundable(tenant, other)).isZero();
        assertThat(transactions.refundable(tenant, first)).isZero();

        // What refundable says is left is what the refund takes, and then nothing is.
        ok(api.post("/transactions/" + charge + "/refunds", Map.of("amount", 500)), 201);
        assertThat(transactions.refundable(tenant, charge)).isZero();
    }

    @Test
    void anotherAccountsChargeIsNotFound() {
        Api owner = signUp();
        String charge = paidCharge(owner, "c", 1000);
        Tenant other = new Tenant(signUp().accountId(), false);

        assertThatThrownBy(() -> transactions.refundsOf(other, charge))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(404));
        assertThatThrownBy(() -> transactions.refundable(other, charge))
                .isInstanceOfSatisfying(ApiProblem.class, problem -> assertThat(problem.status().value()).isEqualTo(404));
    }

    /** A customer with a good card, an invoice of this amount paid: its charge's id. */
    private static String paidCharge(Api api, String customer, long amount) {
        ok(api.post("/customers", Map.of("externalKey", customer)), 201);
        String pm = ok(api.post("/payment-methods", Map.of("type", "card",
                "card", Map.of("number", "4242424242424242", "expMonth", 12, "expYear", 2040, "cvc", "123"))), 201).text("id");
        ok(api.post("/payment-methods/" + pm + "/attach", Map.of("customer", customer)), 200);
        ok(api.patch("/customers/" + customer, Map.of("defaultPaymentMethod", pm)), 200);
        String invoice = ok(api.post("/invoices", Map.of("customer", customer, "currency", "usd",
                "lines", List.of(Map.of("description", "Work", "unitAmount", amount)))), 201).text("id");
        ok(api.send("PUT", "/invoices/" + invoice, null, Map.of()), 200);
        return api.get("/transactions?type=charge&invoice=" + invoice).json().get("data").get(0).get("id").asString();
    }

    private static Response ok(Response response, int status) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        return response;
    }
}
