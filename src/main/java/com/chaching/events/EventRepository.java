package com.chaching.events;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.LikePatterns;
import com.chaching.platform.LivemodeProperty;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

@Repository
class EventRepository {

    /**
     * Which endpoints get a delivery of event {@code e} (its {@code event_id} and {@code type}): every enabled endpoint
     * of the account that takes its type ({@code *}, the type itself, or a prefix of it). Both statements below end
     * with it, so that one event and a batch's are delivered by the same rule.
     */
    private static final String ENDPOINTS_TAKING_EVENT = """
                        join webhook_endpoints w on w.account_id = :accountId and w.status = 'enabled' and not w.deleted
                        where exists (select 1 from jsonb_array_elements_text(w.enabled_events) wanted
                                      where wanted = '*' or wanted = e.type
                                         or (wanted like '%.*' and starts_with(e.type, left(wanted, -1))))
                        """;

    /**
     * The event, and a pending attempt due {@code deliverAt} for every endpoint that takes it
     * ({@link #ENDPOINTS_TAKING_EVENT}): one statement, one round trip. A delivery's account is taken from its endpoint,
     * which the statement names by {@code :accountId}, not from the CTE's row: so the insert names its one account, as
     * Citus needs to route it to one shard (issue 16).
     */
    private static final String INSERT = """
                        with event as (
                            insert into events (account_id, event_id, type, livemode, data, customer_key, request_id, idempotency_key, created_at)
                            values (:accountId, :id, :type, :livemode, cast(:data as json), :customerKey, :requestId, :idempotencyKey, :createdAt)
                            returning account_id, event_id, type)
                        insert into webhook_deliveries (account_id, delivery_id, webhook_endpoint_id, event_id, attempt, status,
                                                        next_attempt_at, created_at)
                        select w.account_id, 'whd_' || replace(gen_random_uuid()::text, '-', ''), w.webhook_endpoint_id, e.event_id,
                               1, 'pending', :deliverAt, :deliverAt
                        from event e
                        """ + ENDPOINTS_TAKING_EVENT;

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final JsonMapper json;
    private final RowMapper<Event> rows = this::event;

    EventRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.json = json;
    }

    /** An event to write, and the customer it belongs to ({@link BelongsToCustomer}), named by the resource it was made from. */
    record NewEvent(Event event, @Nullable String customerKey) {
    }

    void insert(Tenant tenant, NewEvent event, Instant deliverAt) {
        insertAll(tenant, List.of(event), deliverAt);
    }

    /**
     * Events in order, each with its deliveries. One event (an API change) takes the one statement of
     * {@link #INSERT}; many (a bill run's batch) take two for all of them: the events as one multi-row insert,
     * then every delivery they call for, chosen by the same rule.
     */
    void insertAll(Tenant tenant, List<NewEvent> events, Instant deliverAt) {
        if (events.size() == 1) {
            batch.update(INSERT, columns(tenant, events.getFirst(), deliverAt));
            return;
        }
        batch.batchUpdate("""
                        insert into events (account_id, event_id, type, livemode, data, customer_key, request_id, idempotency_key, created_at)
                        values (:accountId, :id, :type, :livemode, cast(:data as json), :customerKey, :requestId, :idempotencyKey, :createdAt)
                        """, events.stream().map(event -> columns(tenant, event, deliverAt)).toArray(Map[]::new));
        // The events' ids and types come from here, not from the events table: the endpoints are all it reads.
        jdbc.sql("""
                        insert into webhook_deliveries (account_id, delivery_id, webhook_endpoint_id, event_id, attempt, status,
                                                        next_attempt_at, created_at)
                        select w.account_id, 'whd_' || replace(gen_random_uuid()::text, '-', ''), w.webhook_endpoint_id, e.event_id,
                               1, 'pending', :deliverAt, :deliverAt
                        from unnest(cast(:ids as text[]), cast(:types as text[])) with ordinality as e(event_id, type, position)
                        """ + ENDPOINTS_TAKING_EVENT + "order by e.position")
                .param("accountId", tenant.accountId())
                .param("ids", events.stream().map(event -> event.event().id()).toArray(String[]::new))
                .param("types", events.stream().map(event -> event.event().type()).toArray(String[]::new))
                .param("deliverAt", utc(deliverAt))
                .update();
    }

    private Map<String, Object> columns(Tenant tenant, NewEvent written, Instant deliverAt) {
        Event event = written.event();
        Map<String, Object> columns = new HashMap<>();
        columns.put("accountId", tenant.accountId());
        columns.put("id", event.id());
        columns.put("type", event.type());
        columns.put("livemode", event.livemode());
        columns.put("data", json.writer().withAttribute(LivemodeProperty.ATTRIBUTE, tenant.livemode()).writeValueAsString(event.data()));
        columns.put("customerKey", written.customerKey());
        columns.put("requestId", event.request().id());
        columns.put("idempotencyKey", event.request().idempotencyKey());
        columns.put("createdAt", utc(event.createdAt()));
        columns.put("deliverAt", utc(deliverAt));
        return columns;
    }

    Optional<Event> find(Tenant tenant, String id) {
        return jdbc.sql("select * from events where account_id = :accountId and event_id = :id")
                .param("accountId", tenant.accountId()).param("id", id)
                .query(rows).optional();
    }

    Page<Event> list(Tenant tenant, EventFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from events where account_id = :accountId");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.type() != null && filter.type().endsWith(".*")) {
            sql.append(" and type like :typePrefix escape '\\'");
            params.put("typePrefix", LikePatterns.escape(filter.type().substring(0, filter.type().length() - 1)) + "%");
        } else if (filter.type() != null) {
            sql.append(" and type = :type");
            params.put("type", filter.type());
        }
        if (filter.createdGte() != null) {
            sql.append(" and created_at >= :createdGte");
            params.put("createdGte", utc(filter.createdGte()));
        }
        if (filter.createdLt() != null) {
            sql.append(" and created_at < :createdLt");
            params.put("createdLt", utc(filter.createdLt()));
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "events", "event_id"));
    }

    /** The customer's events, newest first (index events_by_customer); only those of one subscription when it is given. */
    Page<Event> listForCustomer(Tenant tenant, String customerKey, @Nullable String subscriptionId, PageRequest page) {
        StringBuilder sql = new StringBuilder("select * from events where account_id = :accountId and customer_key = :customerKey");
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        params.put("customerKey", customerKey);
        if (subscriptionId != null) {
            // A filter on the customer's rows the index found, not an index of its own: a customer has few events.
            sql.append(" and type like 'subscription.%' and data -> 'object' ->> 'id' = :subscriptionId");
            params.put("subscriptionId", subscriptionId);
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "events", "event_id"));
    }

    private Event event(ResultSet rs, int row) throws SQLException {
        return new Event(rs.getString("event_id"), "event", rs.getString("type"), instant(rs, "created_at"),
                rs.getBoolean("livemode"), json.readValue(rs.getString("data"), EventData.class),
                new EventRequest(rs.getString("request_id"), rs.getString("idempotency_key")));
    }
}
