package com.chaching.payments.stripe;

import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The Stripe adapter's own books (V23): customer mirrors, which mirror holds which card, and every charge and
 * refund by our key with what it asked for. Each statement commits on its own, as a remote gateway's record
 * would: what was sent stays written whatever the caller does next.
 */
@Repository
class StripeBooks {

    private final JdbcClient jdbc;

    StripeBooks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A charge as sent: enough to send the identical request again. */
    record SentCharge(String paymentMethod, String stripeCustomerId, long amount, String currency,
                      @Nullable String paymentIntentId, Instant sentAt) {
    }

    /** A refund as sent. */
    record SentRefund(String paymentIntentId, long amount, String currency, @Nullable String refundId, Instant sentAt) {
    }

    Optional<String> stripeCustomer(Tenant tenant, String customerId) {
        return jdbc.sql("select stripe_customer_id from stripe_customers where account_id = :accountId and customer_id = :customerId")
                .param("accountId", tenant.accountId())
                .param("customerId", customerId)
                .query(String.class)
                .optional();
    }

    /** Keeps the first mirror recorded for the customer and answers with it: two first attaches agree on one. */
    String recordStripeCustomer(Tenant tenant, String customerId, String stripeCustomerId, Instant now) {
        jdbc.sql("""
                        insert into stripe_customers (account_id, customer_id, stripe_customer_id, created_at)
                        values (:accountId, :customerId, :stripeCustomerId, :now)
                        on conflict (account_id, customer_id) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("customerId", customerId)
                .param("stripeCustomerId", stripeCustomerId)
                .param("now", utc(now))
                .update();
        return stripeCustomer(tenant, customerId).orElseThrow();
    }

    void recordAttachment(Tenant tenant, String paymentMethod, String stripeCustomerId) {
        jdbc.sql("""
                        insert into stripe_payment_methods (account_id, payment_method, stripe_customer_id)
                        values (:accountId, :paymentMethod, :stripeCustomerId)
                        on conflict (account_id, payment_method) do update set stripe_customer_id = excluded.stripe_customer_id
                        """)
                .param("accountId", tenant.accountId())
                .param("paymentMethod", paymentMethod)
                .param("stripeCustomerId", stripeCustomerId)
                .update();
    }

    Optional<String> holderOf(Tenant tenant, String paymentMethod) {
        return jdbc.sql("select stripe_customer_id from stripe_payment_methods where account_id = :accountId and payment_method = :paymentMethod")
                .param("accountId", tenant.accountId())
                .param("paymentMethod", paymentMethod)
                .query(String.class)
                .optional();
    }

    /** Records a charge about to be sent, unless one with this key is on record already; returns the one on record. */
    SentCharge recordCharge(Tenant tenant, String key, SentCharge charge) {
        jdbc.sql("""
                        insert into stripe_charges (account_id, idempotency_key, payment_method, stripe_customer_id, amount, currency, sent_at)
                        values (:accountId, :key, :paymentMethod, :stripeCustomerId, :amount, :currency, :sentAt)
                        on conflict (account_id, idempotency_key) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .param("paymentMethod", charge.paymentMethod())
                .param("stripeCustomerId", charge.stripeCustomerId())
                .param("amount", charge.amount())
                .param("currency", charge.currency())
                .param("sentAt", utc(charge.sentAt()))
                .update();
        return findCharge(tenant, key).orElseThrow();
    }

    Optional<SentCharge> findCharge(Tenant tenant, String key) {
        return jdbc.sql("""
                        select payment_method, stripe_customer_id, amount, currency, payment_intent_id, sent_at
                        from stripe_charges where account_id = :accountId and idempotency_key = :key
                        """)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .query((rs, row) -> new SentCharge(rs.getString("payment_method"), rs.getString("stripe_customer_id"),
                        rs.getLong("amount"), rs.getString("currency"), rs.getString("payment_intent_id"),
                        rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    void recordPaymentIntent(Tenant tenant, String key, String paymentIntentId) {
        jdbc.sql("update stripe_charges set payment_intent_id = :id where account_id = :accountId and idempotency_key = :key")
                .param("id", paymentIntentId)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .update();
    }

    SentRefund recordRefund(Tenant tenant, String key, SentRefund refund) {
        jdbc.sql("""
                        insert into stripe_refunds (account_id, idempotency_key, payment_intent_id, amount, currency, sent_at)
                        values (:accountId, :key, :paymentIntentId, :amount, :currency, :sentAt)
                        on conflict (account_id, idempotency_key) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .param("paymentIntentId", refund.paymentIntentId())
                .param("amount", refund.amount())
                .param("currency", refund.currency())
                .param("sentAt", utc(refund.sentAt()))
                .update();
        return findRefund(tenant, key).orElseThrow();
    }

    Optional<SentRefund> findRefund(Tenant tenant, String key) {
        return jdbc.sql("""
                        select payment_intent_id, amount, currency, refund_id, sent_at
                        from stripe_refunds where account_id = :accountId and idempotency_key = :key
                        """)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .query((rs, row) -> new SentRefund(rs.getString("payment_intent_id"), rs.getLong("amount"), rs.getString("currency"),
                        rs.getString("refund_id"), rs.getTimestamp("sent_at").toInstant()))
                .optional();
    }

    void recordRefundId(Tenant tenant, String key, String refundId) {
        jdbc.sql("update stripe_refunds set refund_id = :id where account_id = :accountId and idempotency_key = :key")
                .param("id", refundId)
                .param("accountId", tenant.accountId())
                .param("key", key)
                .update();
    }
}
