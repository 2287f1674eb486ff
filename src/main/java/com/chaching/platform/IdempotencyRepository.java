package com.chaching.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.chaching.platform.SqlValues.utc;

/** Stored idempotency keys: who claimed a key for which request, and the response to replay. */
@Repository
class IdempotencyRepository {

    /** api.md: kept at least 24 hours. */
    static final Duration RETENTION = Duration.ofHours(24);
    /**
     * A claim not refreshed for this long belongs to a request whose server died (running requests refresh
     * theirs every 20 seconds); a retry of the same request may take it over.
     */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);

    private final JdbcClient jdbc;

    IdempotencyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record StoredKey(String requestHash, @Nullable Integer status, @Nullable String contentType, byte[] body) {
    }

    /**
     * Claims the key for this request; true when this request may run. An expired key, or one abandoned
     * mid-request by the same request, is taken over in the same statement, so two racers never both win.
     */
    boolean claim(String accountId, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                        insert into idempotency_keys (account_id, idempotency_key, request_hash, started_at, expires_at)
                        values (:accountId, :key, :requestHash, :now, :expiresAt)
                        on conflict (account_id, idempotency_key) do update
                           set request_hash = excluded.request_hash, started_at = excluded.started_at,
                               expires_at = excluded.expires_at, response_status = null,
                               response_content_type = null, response_body = null
                         where idempotency_keys.expires_at <= :now
                            or (idempotency_keys.response_status is null
                                and idempotency_keys.started_at < :abandonedBefore
                                and idempotency_keys.request_hash = excluded.request_hash)
                        """)
                .param("accountId", accountId)
                .param("key", key)
                .param("requestHash", requestHash)
                .param("now", utc(now))
                .param("expiresAt", utc(now.plus(RETENTION)))
                .param("abandonedBefore", utc(now.minus(ABANDONED_AFTER)))
                .update() == 1;
    }

    @Nullable StoredKey find(String accountId, String key) {
        return jdbc.sql("""
                        select request_hash, response_status, response_content_type, response_body
                          from idempotency_keys
                         where account_id = :accountId and idempotency_key = :key
                        """)
                .param("accountId", accountId)
                .param("key", key)
                .query((rs, row) -> new StoredKey(rs.getString("request_hash"),
                        (Integer) rs.getObject("response_status"), rs.getString("response_content_type"),
                        rs.getBytes("response_body") == null ? new byte[0] : rs.getBytes("response_body")))
                .optional().orElse(null);
    }

    void complete(String accountId, String key, int status, @Nullable String contentType, byte[] body) {
        jdbc.sql("""
                        update idempotency_keys
                           set response_status = :status, response_content_type = :contentType, response_body = :body
                         where account_id = :accountId and idempotency_key = :key
                        """)
                .param("accountId", accountId)
                .param("key", key)
                .param("status", status)
                .param("contentType", contentType)
                .param("body", body)
                .update();
    }

    /** Refreshes a running request's claim so that it is not mistaken for an abandoned one. */
    void touch(String accountId, String key, Instant now) {
        jdbc.sql("""
                        update idempotency_keys set started_at = :now
                         where account_id = :accountId and idempotency_key = :key and response_status is null
                        """)
                .param("accountId", accountId)
                .param("key", key)
                .param("now", utc(now))
                .update();
    }

    /** Forgets a claim whose request failed on the server, so that a retry runs again. */
    void release(String accountId, String key) {
        jdbc.sql("delete from idempotency_keys where account_id = :accountId and idempotency_key = :key and response_status is null")
                .param("accountId", accountId)
                .param("key", key)
                .update();
    }

    /** The accounts that hold keys expired at {@code now}: a read across accounts, so that each delete names one. */
    List<String> accountsWithExpiredKeys(Instant now) {
        return jdbc.sql("select distinct account_id from idempotency_keys where expires_at <= :now")
                .param("now", utc(now))
                .query(String.class)
                .list();
    }

    /** Deletes the account's keys expired at {@code now}; one account per delete, so that Citus routes it to one shard. */
    int purgeExpired(String accountId, Instant now) {
        return jdbc.sql("delete from idempotency_keys where account_id = :accountId and expires_at <= :now")
                .param("accountId", accountId)
                .param("now", utc(now))
                .update();
    }

}
