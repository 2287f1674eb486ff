package com.chaching.events;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookDeliveryRepository {

    private final JdbcClient jdbc;
    private final RowMapper<WebhookDelivery> rows = this::delivery;

    WebhookDeliveryRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed attempt with what sending it needs. */
    record Claimed(String accountId, String deliveryId, String endpointId, String eventId, int attempt,
                   String url, boolean livemode, boolean endpointEnabled, List<String> secrets) {
    }

    void insertPending(String accountId, String endpointId, String eventId, int attempt, Instant due, Instant now) {
        jdbc.sql("""
                        insert into webhook_deliveries (account_id, delivery_id, webhook_endpoint_id, event_id, attempt, status,
                                                        next_attempt_at, created_at)
                        values (:accountId, 'whd_' || replace(gen_random_uuid()::text, '-', ''), :endpointId, :eventId, :attempt,
                                'pending', :due, :now)""")
                .param("accountId", accountId).param("endpointId", endpointId)
                .param("eventId", eventId).param("attempt", attempt).param("due", utc(due)).param("now", utc(now))
                .update();
    }

    /** Accounts with attempts due and unclaimed; each is then claimed on its own, so a claim stays on one shard. */
    List<String> accountsWithDueAttempts(Instant now, int limit) {
        return jdbc.sql("""
                        select distinct account_id from webhook_deliveries
                        where status = 'pending' and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                        limit :limit""")
                .param("now", utc(now)).param("limit", limit).query(String.class).list();
    }

    /** Claims up to {@code limit} due attempts of one account until {@code until}, skipping those another worker holds. */
    List<Claimed> claim(String accountId, Instant now, Instant until, int limit) {
        return jdbc.sql("""
                        with due as (
                            select delivery_id from webhook_deliveries
                            where account_id = :accountId and status = 'pending' and next_attempt_at <= :now
                              and (claimed_until is null or claimed_until < :now)
                            order by next_attempt_at limit :limit
                            for update skip locked),
                        claimed as (
                            update webhook_deliveries d set claimed_until = :until
                            from due where d.account_id = :accountId and d.delivery_id = due.delivery_id
                            returning d.delivery_id, d.webhook_endpoint_id, d.event_id, d.attempt)
                        select c.*, e.url, e.livemode, e.status = 'enabled' and not e.deleted as enabled, e.secret,
                               case when e.previous_secret_expires_at > :now then e.previous_secret end as previous_secret
                        from claimed c
                        join webhook_endpoints e on e.account_id = :accountId and e.webhook_endpoint_id = c.webhook_endpoint_id""")
                .param("accountId", accountId).param("now", utc(now)).param("until", utc(until)).param("limit", limit)
                .query((rs, row) -> new Claimed(accountId, rs.getString("delivery_id"), rs.getString("webhook_endpoint_id"),
                        rs.getString("event_id"), rs.getInt("attempt"), rs.getString("url"), rs.getBoolean("livemode"),
                        rs.getBoolean("enabled"), secrets(rs.getString("secret"), rs.getString("previous_secret"))))
                .list();
    }

    /**
     * Records an attempt's outcome, if it is still pending: when a worker's claim ran out and another made the
     * attempt again, the first to record wins and the other records nothing. True when this one recorded.
     */
    boolean complete(String accountId, String deliveryId, String status, @Nullable Integer responseStatus, String responseBody,
                     int durationMs, @Nullable Instant nextAttemptAt) {
        return jdbc.sql("""
                        update webhook_deliveries
                        set status = :status, response_status = :responseStatus, response_body = :responseBody,
                            duration_ms = :durationMs, next_attempt_at = :next, claimed_until = null
                        where account_id = :accountId and delivery_id = :id and status = 'pending'""")
                .param("accountId", accountId).param("id", deliveryId).param("status", status)
                .param("responseStatus", responseStatus).param("responseBody", responseBody).param("durationMs", durationMs)
                .param("next", utc(nextAttemptAt))
                .update() == 1;
    }

    int attempts(Tenant tenant, String endpointId, String eventId) {
        return jdbc.sql("select count(*) from webhook_deliveries where account_id = :accountId and webhook_endpoint_id = :endpointId and event_id = :eventId")
                .param("accountId", tenant.accountId()).param("endpointId", endpointId).param("eventId", eventId)
                .query(Integer.class).single();
    }

    /** Marks the endpoint failing since {@code now} (if it was not already) or, on a success, not failing. */
    Optional<Instant> noteOutcome(String accountId, String endpointId, boolean succeeded, Instant now) {
        return jdbc.sql("""
                        update webhook_endpoints
                        set failing_since = case when :succeeded then null else coalesce(failing_since, :now) end
                        where account_id = :accountId and webhook_endpoint_id = :endpointId
                        returning failing_since""")
                .param("accountId", accountId).param("endpointId", endpointId).param("succeeded", succeeded).param("now", utc(now))
                .query((rs, row) -> Optional.ofNullable(instant(rs, "failing_since"))).optional().flatMap(since -> since);
    }

    Page<WebhookDelivery> list(Tenant tenant, String endpointId, PageRequest page) {
        return page.fetch(jdbc, "select * from webhook_deliveries where account_id = :accountId and webhook_endpoint_id = :endpointId",
                Map.of("accountId", tenant.accountId(), "endpointId", endpointId), rows,
                PageRequest.cursorIn(jdbc, tenant, "webhook_deliveries", "delivery_id"));
    }

    private static List<String> secrets(String secret, @Nullable String previous) {
        return previous == null ? List.of(secret) : List.of(secret, previous);
    }

    private WebhookDelivery delivery(ResultSet rs, int row) throws SQLException {
        Integer responseStatus = rs.getObject("response_status", Integer.class);
        Integer durationMs = rs.getObject("duration_ms", Integer.class);
        return new WebhookDelivery(rs.getString("delivery_id"), "webhook_delivery", rs.getString("event_id"), rs.getInt("attempt"),
                rs.getString("status"), responseStatus, rs.getString("response_body"), durationMs,
                instant(rs, "created_at"), instant(rs, "next_attempt_at"));
    }
}
