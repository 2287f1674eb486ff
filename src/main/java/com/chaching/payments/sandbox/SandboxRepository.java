package com.chaching.payments.sandbox;

import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sandbox gateway's own books: tokens, charges and refunds, each charge and refund by its idempotency key. */
@Repository
class SandboxRepository {

    private final JdbcClient jdbc;

    SandboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ChargeRow(String gatewayChargeId, String token, long amount, String currency, boolean succeeded,
                     @Nullable String failureCode, long fee) {
    }

    record RefundRow(String gatewayRefundId, String gatewayChargeId, long amount, String currency, boolean succeeded,
                     @Nullable String failureCode) {
    }

    void insertToken(Tenant tenant, String token, SandboxCards.Behavior behavior, Instant now) {
        jdbc.sql("insert into sandbox_tokens (account_id, token, behavior, created_at) values (:accountId, :token, :behavior, :now)")
                .param("accountId", tenant.accountId())
                .param("token", token)
                .param("behavior", behavior.name())
                .param("now", utc(now))
                .update();
    }

    Optional<SandboxCards.Behavior> behaviorOf(Tenant tenant, String token) {
        return jdbc.sql("select behavior from sandbox_tokens where account_id = :accountId and token = :token")
                .param("accountId", tenant.accountId())
                .param("token", token)
                .query(String.class)
                .optional()
                .map(SandboxCards.Behavior::valueOf);
    }

    /** Records a charge unless one with this key exists already; either way, returns the one on record (one statement when new). */
    ChargeRow recordCharge(Tenant tenant, String idempotencyKey, ChargeRow charge, Instant now) {
        return jdbc.sql("""
                        insert into sandbox_charges (account_id, idempotency_key, gateway_charge_id, token, amount, currency,
                                                     outcome, failure_code, fee, created_at)
                        values (:accountId, :key, :chargeId, :token, :amount, :currency, :outcome, :failureCode, :fee, :now)
                        on conflict (account_id, idempotency_key) do nothing
                        returning *
                        """)
                .param("accountId", tenant.accountId())
                .param("key", idempotencyKey)
                .param("chargeId", charge.gatewayChargeId())
                .param("token", charge.token())
                .param("amount", charge.amount())
                .param("currency", charge.currency())
                .param("outcome", charge.succeeded() ? "succeeded" : "declined")
                .param("failureCode", charge.failureCode())
                .param("fee", charge.fee())
                .param("now", utc(now))
                .query(SandboxRepository::chargeRow)
                .optional()
                .orElseGet(() -> findCharge(tenant, idempotencyKey).orElseThrow());
    }

    Optional<ChargeRow> findCharge(Tenant tenant, String idempotencyKey) {
        return jdbc.sql("select * from sandbox_charges where account_id = :accountId and idempotency_key = :key")
                .param("accountId", tenant.accountId())
                .param("key", idempotencyKey)
                .query(SandboxRepository::chargeRow)
                .optional();
    }

    private static ChargeRow chargeRow(ResultSet rs, int row) throws SQLException {
        return new ChargeRow(rs.getString("gateway_charge_id"), rs.getString("token"), rs.getLong("amount"), rs.getString("currency"),
                rs.getString("outcome").equals("succeeded"), rs.getString("failure_code"), rs.getLong("fee"));
    }

    /** The succeeded charge with this gateway id, locked so that refunds of it are decided one at a time. */
    Optional<ChargeRow> lockSucceededCharge(Tenant tenant, String gatewayChargeId) {
        return jdbc.sql("""
                        select * from sandbox_charges
                         where account_id = :accountId and gateway_charge_id = :chargeId and outcome = 'succeeded'
                           for update
                        """)
                .param("accountId", tenant.accountId())
                .param("chargeId", gatewayChargeId)
                .query((rs, row) -> new ChargeRow(rs.getString("gateway_charge_id"), rs.getString("token"), rs.getLong("amount"),
                        rs.getString("currency"), true, null, rs.getLong("fee")))
                .optional();
    }

    long refundedSoFar(Tenant tenant, String gatewayChargeId) {
        return jdbc.sql("""
                        select coalesce(sum(amount), 0) from sandbox_refunds
                         where account_id = :accountId and gateway_charge_id = :chargeId and outcome = 'succeeded'
                        """)
                .param("accountId", tenant.accountId())
                .param("chargeId", gatewayChargeId)
                .query(Long.class)
                .single();
    }

    RefundRow recordRefund(Tenant tenant, String idempotencyKey, RefundRow refund, Instant now) {
        jdbc.sql("""
                        insert into sandbox_refunds (account_id, idempotency_key, gateway_refund_id, gateway_charge_id, amount,
                                                     currency, outcome, failure_code, created_at)
                        values (:accountId, :key, :refundId, :chargeId, :amount, :currency, :outcome, :failureCode, :now)
                        on conflict (account_id, idempotency_key) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("key", idempotencyKey)
                .param("refundId", refund.gatewayRefundId())
                .param("chargeId", refund.gatewayChargeId())
                .param("amount", refund.amount())
                .param("currency", refund.currency())
                .param("outcome", refund.succeeded() ? "succeeded" : "failed")
                .param("failureCode", refund.failureCode())
                .param("now", utc(now))
                .update();
        return findRefund(tenant, idempotencyKey).orElseThrow();
    }

    Optional<RefundRow> findRefund(Tenant tenant, String idempotencyKey) {
        return jdbc.sql("select * from sandbox_refunds where account_id = :accountId and idempotency_key = :key")
                .param("accountId", tenant.accountId())
                .param("key", idempotencyKey)
                .query((rs, row) -> new RefundRow(rs.getString("gateway_refund_id"), rs.getString("gateway_charge_id"),
                        rs.getLong("amount"), rs.getString("currency"), rs.getString("outcome").equals("succeeded"),
                        rs.getString("failure_code")))
                .optional();
    }
}
