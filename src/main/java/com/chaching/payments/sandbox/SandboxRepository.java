package com.chaching.payments.sandbox;

import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
        return Objects.requireNonNull(recordCharges(tenant, Map.of(idempotencyKey, charge), now).get(idempotencyKey));
    }

    /** The charges on record under these keys, by key. */
    Map<String, ChargeRow> findCharges(Tenant tenant, List<String> idempotencyKeys) {
        Map<String, ChargeRow> found = new HashMap<>();
        if (idempotencyKeys.isEmpty()) {
            return found;
        }
        jdbc.sql("select * from sandbox_charges where account_id = :accountId and idempotency_key in (:keys)")
                .param("accountId", tenant.accountId())
                .param("keys", idempotencyKeys)
                .query(rs -> {
                    found.put(rs.getString("idempotency_key"), chargeRow(rs, 0));
                });
        return found;
    }

    /** The behaviors of these tokens, by token; a token the sandbox never made is missing. */
    Map<String, SandboxCards.Behavior> behaviorsOf(Tenant tenant, List<String> tokens) {
        Map<String, SandboxCards.Behavior> behaviors = new HashMap<>();
        if (tokens.isEmpty()) {
            return behaviors;
        }
        jdbc.sql("select token, behavior from sandbox_tokens where account_id = :accountId and token in (:tokens)")
                .param("accountId", tenant.accountId())
                .param("tokens", tokens)
                .query(rs -> {
                    behaviors.put(rs.getString("token"), SandboxCards.Behavior.valueOf(rs.getString("behavior")));
                });
        return behaviors;
    }

    /**
     * Records the charges, by key, in one statement, unless one with its key exists already (another call got
     * there first); either way, returns the ones on record under those keys.
     */
    Map<String, ChargeRow> recordCharges(Tenant tenant, Map<String, ChargeRow> byKey, Instant now) {
        if (byKey.isEmpty()) {
            return Map.of();
        }
        List<String> keys = List.copyOf(byKey.keySet());
        List<ChargeRow> charges = keys.stream().map(byKey::get).toList();
        Map<String, ChargeRow> recorded = new HashMap<>();
        jdbc.sql("""
                        insert into sandbox_charges (account_id, idempotency_key, gateway_charge_id, token, amount, currency,
                                                     outcome, failure_code, fee, created_at)
                        select :accountId, c.key, c.charge_id, c.token, c.amount, c.currency, c.outcome, c.failure_code, c.fee, :now
                          from unnest(cast(:keys as text[]), cast(:chargeIds as text[]), cast(:tokens as text[]), cast(:amounts as bigint[]),
                                      cast(:currencies as text[]), cast(:outcomes as text[]), cast(:failureCodes as text[]), cast(:fees as bigint[]))
                               as c(key, charge_id, token, amount, currency, outcome, failure_code, fee)
                        on conflict (account_id, idempotency_key) do nothing
                        returning *
                        """)
                .param("accountId", tenant.accountId())
                .param("keys", keys.toArray(String[]::new))
                .param("chargeIds", charges.stream().map(ChargeRow::gatewayChargeId).toArray(String[]::new))
                .param("tokens", charges.stream().map(ChargeRow::token).toArray(String[]::new))
                .param("amounts", charges.stream().map(ChargeRow::amount).toArray(Long[]::new))
                .param("currencies", charges.stream().map(ChargeRow::currency).toArray(String[]::new))
                .param("outcomes", charges.stream().map(charge -> charge.succeeded() ? "succeeded" : "declined").toArray(String[]::new))
                .param("failureCodes", charges.stream().map(ChargeRow::failureCode).toArray(String[]::new))
                .param("fees", charges.stream().map(ChargeRow::fee).toArray(Long[]::new))
                .param("now", utc(now))
                .query(rs -> {
                    recorded.put(rs.getString("idempotency_key"), chargeRow(rs, 0));
                });
        if (recorded.size() < keys.size()) {
            recorded.putAll(findCharges(tenant, keys.stream().filter(key -> !recorded.containsKey(key)).toList()));
        }
        return recorded;
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
