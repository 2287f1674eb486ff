package com.chaching.accounts;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.ApiKeyResolver;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * An account's secret keys, stored as hashes. A key works while {@code expires_at} is null or later than
 * now (server time); a revoke sets it to now, a roll to now plus the grace the caller chose.
 */
@Repository
class ApiKeyRepository {

    private static final String WORKS = "(expires_at is null or expires_at > :now)";

    private final JdbcClient jdbc;

    ApiKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String accountId, String id, String name, String keyHash, String last4, Instant createdAt) {
        jdbc.sql("""
                        insert into api_keys (account_id, api_key_id, name, key_hash, last4, created_at)
                        values (:accountId, :id, :name, :keyHash, :last4, :createdAt)
                        """)
                .param("accountId", accountId)
                .param("id", id)
                .param("name", name)
                .param("keyHash", keyHash)
                .param("last4", last4)
                .param("createdAt", utc(createdAt))
                .update();
    }

    /** The working keys of the account, newest first. */
    Page<ApiKey> listWorking(Tenant tenant, PageRequest page, Instant now) {
        return page.fetch(jdbc, "select * from api_keys where account_id = :accountId and " + WORKS,
                Map.of("accountId", tenant.accountId(), "now", utc(now)), (rs, row) -> apiKey(rs, tenant),
                id -> jdbc.sql("select seq from api_keys where account_id = :accountId and api_key_id = :id and " + WORKS)
                        .param("accountId", tenant.accountId()).param("id", id).param("now", utc(now))
                        .query(Long.class).optional());
    }

    Optional<ApiKey> findWorking(Tenant tenant, String id, Instant now) {
        return jdbc.sql("select * from api_keys where account_id = :accountId and api_key_id = :id and " + WORKS)
                .param("accountId", tenant.accountId()).param("id", id).param("now", utc(now))
                .query((rs, row) -> apiKey(rs, tenant)).optional();
    }

    int countWorking(Tenant tenant, Instant now) {
        return jdbc.sql("select count(*) from api_keys where account_id = :accountId and " + WORKS)
                .param("accountId", tenant.accountId()).param("now", utc(now))
                .query(Integer.class).single();
    }

    /** Ends the key at {@code at}, or keeps its earlier end (a roll never lengthens a key's life); gives its hash. */
    Optional<String> expire(Tenant tenant, String id, Instant at) {
        return jdbc.sql("""
                        update api_keys set expires_at = least(coalesce(expires_at, :at), :at)
                         where account_id = :accountId and api_key_id = :id
                        returning key_hash
                        """)
                .param("accountId", tenant.accountId()).param("id", id).param("at", utc(at))
                .query(String.class).optional();
    }

    /**
     * The working key with this hash, marked as used now, with its account. One statement: authentication
     * runs it once per key and cache lifetime, not per request.
     */
    Optional<ApiKeyResolver.ResolvedKey> useWorking(String keyHash, Instant now) {
        return jdbc.sql("""
                        update api_keys k set last_used_at = :now
                          from accounts a
                         where k.key_hash = :keyHash and a.account_id = k.account_id
                           and (k.expires_at is null or k.expires_at > :now)
                        returning k.account_id, a.livemode, k.expires_at
                        """)
                .param("keyHash", keyHash).param("now", utc(now))
                .query((rs, row) -> new ApiKeyResolver.ResolvedKey(new Tenant(rs.getString("account_id"), rs.getBoolean("livemode")),
                        instant(rs, "expires_at")))
                .optional();
    }

    private static ApiKey apiKey(ResultSet rs, Tenant tenant) throws SQLException {
        return new ApiKey(rs.getString("api_key_id"), "api_key", rs.getString("name"), rs.getString("last4"), null,
                tenant.livemode(), instant(rs, "created_at"), instant(rs, "last_used_at"), instant(rs, "expires_at"));
    }
}
