package com.chaching.events;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.JsonColumns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WebhookEndpointRepository {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<WebhookEndpoint> rows = this::endpoint;

    WebhookEndpointRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Tenant tenant, WebhookEndpoint endpoint) {
        jdbc.sql("""
                        insert into webhook_endpoints (account_id, webhook_endpoint_id, url, enabled_events, description, metadata,
                                                       status, secret, livemode, created_at, updated_at)
                        values (:accountId, :id, :url, cast(:enabledEvents as jsonb), :description, cast(:metadata as jsonb),
                                :status, :secret, :livemode, :createdAt, :updatedAt)""")
                .param("accountId", tenant.accountId())
                .param("id", endpoint.id())
                .param("url", endpoint.url())
                .param("enabledEvents", json.write(endpoint.enabledEvents()))
                .param("description", endpoint.description())
                .param("metadata", json.write(endpoint.metadata()))
                .param("status", endpoint.status())
                .param("secret", Objects.requireNonNull(endpoint.secret()))
                .param("livemode", endpoint.livemode())
                .param("createdAt", utc(endpoint.createdAt()))
                .param("updatedAt", utc(endpoint.updatedAt()))
                .update();
    }

    Optional<WebhookEndpoint> find(Tenant tenant, String id) {
        return jdbc.sql("select * from webhook_endpoints where account_id = :accountId and webhook_endpoint_id = :id and not deleted")
                .param("accountId", tenant.accountId()).param("id", id).query(rows).optional();
    }

    /** The endpoint, locked for the caller's transaction against a concurrent change. */
    Optional<WebhookEndpoint> lock(Tenant tenant, String id) {
        return jdbc.sql("""
                        select * from webhook_endpoints
                        where account_id = :accountId and webhook_endpoint_id = :id and not deleted for update""")
                .param("accountId", tenant.accountId()).param("id", id).query(rows).optional();
    }

    Page<WebhookEndpoint> list(Tenant tenant, PageRequest page) {
        return page.fetch(jdbc, "select * from webhook_endpoints where account_id = :accountId and not deleted",
                Map.of("accountId", tenant.accountId()), rows,
                PageRequest.cursorIn(jdbc, tenant, "webhook_endpoints", "webhook_endpoint_id"));
    }

    void update(Tenant tenant, WebhookEndpoint endpoint) {
        jdbc.sql("""
                        update webhook_endpoints
                        set url = :url, enabled_events = cast(:enabledEvents as jsonb), description = :description,
                            metadata = cast(:metadata as jsonb), status = :status, updated_at = :updatedAt
                        where account_id = :accountId and webhook_endpoint_id = :id""")
                .param("accountId", tenant.accountId())
                .param("id", endpoint.id())
                .param("url", endpoint.url())
                .param("enabledEvents", json.write(endpoint.enabledEvents()))
                .param("description", endpoint.description())
                .param("metadata", json.write(endpoint.metadata()))
                .param("status", endpoint.status())
                .param("updatedAt", utc(endpoint.updatedAt()))
                .update();
    }

    /** The new secret signs from now; the current one goes on signing beside it until {@code oldUntil}. */
    void rotate(Tenant tenant, String id, String secret, Instant oldUntil, Instant now) {
        jdbc.sql("""
                        update webhook_endpoints
                        set previous_secret = secret, previous_secret_expires_at = :oldUntil, secret = :secret, updated_at = :now
                        where account_id = :accountId and webhook_endpoint_id = :id""")
                .param("accountId", tenant.accountId()).param("id", id)
                .param("secret", secret).param("oldUntil", utc(oldUntil)).param("now", utc(now))
                .update();
    }

    void markDeleted(Tenant tenant, String id, Instant now) {
        jdbc.sql("update webhook_endpoints set deleted = true, updated_at = :now where account_id = :accountId and webhook_endpoint_id = :id")
                .param("accountId", tenant.accountId()).param("id", id).param("now", utc(now)).update();
    }

    private WebhookEndpoint endpoint(ResultSet rs, int row) throws SQLException {
        String secret = rs.getString("secret");
        return new WebhookEndpoint(rs.getString("webhook_endpoint_id"), "webhook_endpoint", rs.getString("url"),
                enabledEvents(rs.getString("enabled_events")), rs.getString("description"), json.readMetadata(rs.getString("metadata")),
                rs.getString("status"), secret.substring(secret.length() - 4), null, rs.getBoolean("livemode"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    @SuppressWarnings("unchecked")
    private List<String> enabledEvents(@Nullable String text) {
        return text == null ? List.of() : (List<String>) Objects.requireNonNull(json.read(text, List.class));
    }
}
