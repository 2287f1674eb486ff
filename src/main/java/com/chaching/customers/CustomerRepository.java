package com.chaching.customers;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.JsonColumns;
import com.chaching.platform.LikePatterns;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Customers. Deleted customers keep their row (and key) but no query of the API sees them. */
@Repository
class CustomerRepository {

    private final JdbcClient jdbc;
    private final JsonColumns json;
    private final RowMapper<Customer> rows;

    CustomerRepository(JdbcClient jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
        this.rows = this::customer;
    }

    /** Inserts the customer; false when its external key is taken in the account (also by a deleted customer). */
    boolean insert(Tenant tenant, Customer customer) {
        return jdbc.sql("""
                        insert into customers (account_id, customer_id, external_key, name, email, phone, address, metadata,
                                               created_at, updated_at)
                        values (:accountId, :id, :externalKey, :name, :email, :phone, cast(:address as jsonb),
                                cast(:metadata as jsonb), :createdAt, :updatedAt)
                        on conflict (account_id, external_key) do nothing
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customer.id())
                .param("externalKey", customer.externalKey())
                .param("name", customer.name())
                .param("email", customer.email())
                .param("phone", customer.phone())
                .param("address", json.write(customer.address()))
                .param("metadata", json.write(customer.metadata()))
                .param("createdAt", utc(customer.createdAt()))
                .param("updatedAt", utc(customer.updatedAt()))
                .update() == 1;
    }

    Optional<Customer> findByExternalKey(Tenant tenant, String externalKey) {
        return jdbc.sql("""
                        select * from customers
                         where account_id = :accountId and external_key = :externalKey and deleted_at is null
                        """)
                .param("accountId", tenant.accountId())
                .param("externalKey", externalKey)
                .query(rows)
                .optional();
    }

    Optional<Customer> findById(Tenant tenant, String customerId) {
        return jdbc.sql("select * from customers where account_id = :accountId and customer_id = :id")
                .param("accountId", tenant.accountId())
                .param("id", customerId)
                .query(rows)
                .optional();
    }

    /** The customers with these ids, by id. */
    Map<String, Customer> findByIds(Tenant tenant, Collection<String> customerIds) {
        Map<String, Customer> found = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("select * from customers where account_id = :accountId and customer_id in (:ids)")
                    .param("accountId", tenant.accountId())
                    .param("ids", customerIds)
                    .query(rows)
                    .list()
                    .forEach(customer -> found.put(customer.id(), customer));
        }
        return found;
    }

    /** The customers' balances, locked in id order (so two batches never wait on each other in a circle), by id. */
    Map<String, CustomerService.Balance> lockBalances(Tenant tenant, Collection<String> customerIds) {
        Map<String, CustomerService.Balance> balances = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("""
                            select customer_id, balance, balance_currency from customers
                             where account_id = :accountId and customer_id in (:ids)
                             order by customer_id for no key update
                            """)
                    .param("accountId", tenant.accountId())
                    .param("ids", customerIds)
                    .query((rs, row) -> balances.put(rs.getString("customer_id"),
                            new CustomerService.Balance(rs.getLong("balance"), rs.getString("balance_currency"))))
                    .list();
        }
        return balances;
    }

    CustomerService.Balance lockBalance(Tenant tenant, String customerId) {
        // "no key update": invoices and payment methods referencing the customer hold key-share locks on it,
        // which this must not wait for (two finalizations would deadlock).
        return jdbc.sql("""
                        select balance, balance_currency from customers
                         where account_id = :accountId and customer_id = :id for no key update
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customerId)
                .query((rs, row) -> new CustomerService.Balance(rs.getLong("balance"), rs.getString("balance_currency")))
                .single();
    }

    void adjustBalance(Tenant tenant, String customerId, long delta, String currency, Instant now) {
        jdbc.sql("""
                        update customers set balance = balance + :delta, balance_currency = :currency, updated_at = :now
                         where account_id = :accountId and customer_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customerId)
                .param("delta", delta)
                .param("currency", currency)
                .param("now", utc(now))
                .update();
    }

    void clearDefaultPaymentMethod(Tenant tenant, String customerId, String paymentMethodId, Instant now) {
        jdbc.sql("""
                        update customers set default_payment_method = null, updated_at = :now
                         where account_id = :accountId and customer_id = :id and default_payment_method = :paymentMethodId
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customerId)
                .param("paymentMethodId", paymentMethodId)
                .param("now", utc(now))
                .update();
    }

    /** Locks the customer's row for the caller's transaction. */
    Optional<Customer> lockByExternalKey(Tenant tenant, String externalKey) {
        return jdbc.sql("""
                        select * from customers
                         where account_id = :accountId and external_key = :externalKey and deleted_at is null
                           for no key update
                        """)
                .param("accountId", tenant.accountId())
                .param("externalKey", externalKey)
                .query(rows)
                .optional();
    }

    void update(Tenant tenant, Customer customer) {
        jdbc.sql("""
                        update customers
                           set name = :name, email = :email, phone = :phone, address = cast(:address as jsonb),
                               metadata = cast(:metadata as jsonb), default_payment_method = :defaultPaymentMethod,
                               updated_at = :updatedAt
                         where account_id = :accountId and customer_id = :id
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customer.id())
                .param("name", customer.name())
                .param("email", customer.email())
                .param("phone", customer.phone())
                .param("address", json.write(customer.address()))
                .param("metadata", json.write(customer.metadata()))
                .param("defaultPaymentMethod", customer.defaultPaymentMethod())
                .param("updatedAt", utc(customer.updatedAt()))
                .update();
    }

    /** Marks the customer deleted; false when there was no live customer with that key. */
    boolean markDeleted(Tenant tenant, String customerId, Instant deletedAt) {
        return jdbc.sql("""
                        update customers set deleted_at = :deletedAt
                         where account_id = :accountId and customer_id = :id and deleted_at is null
                        """)
                .param("accountId", tenant.accountId())
                .param("id", customerId)
                .param("deletedAt", utc(deletedAt))
                .update() == 1;
    }

    /** Only the filters given become conditions, so every query is one the indexes answer, whatever plan is cached. */
    Page<Customer> list(Tenant tenant, CustomerFilter filter, PageRequest page) {
        StringBuilder sql = new StringBuilder("""
                select * from customers
                 where account_id = :accountId and deleted_at is null
                """);
        Map<String, Object> params = new HashMap<>();
        params.put("accountId", tenant.accountId());
        if (filter.email() != null && !filter.email().isBlank()) {
            sql.append(" and lower(email) = lower(:email)");
            params.put("email", filter.email());
        }
        if (filter.createdGte() != null) {
            sql.append(" and created_at >= :createdGte");
            params.put("createdGte", utc(filter.createdGte()));
        }
        if (filter.createdLt() != null) {
            sql.append(" and created_at < :createdLt");
            params.put("createdLt", utc(filter.createdLt()));
        }
        return page.fetch(jdbc, sql.toString(), params, rows, PageRequest.cursorIn(jdbc, tenant, "customers", "customer_id"));
    }

    /**
     * Customers whose name or email contains {@code text}, ignoring case. The caller's transaction gets a
     * plan made for this pattern: a rare one is found through the trigram index, a common one by walking
     * the list newest first. A cached generic plan, blind to the pattern, would walk the whole list for a
     * rare one (seconds on a million customers).
     */
    Page<Customer> search(Tenant tenant, String text, PageRequest page) {
        jdbc.sql("set local plan_cache_mode = force_custom_plan").update();
        return page.fetch(jdbc, """
                        select * from customers
                         where account_id = :accountId and deleted_at is null
                           and search_text ilike :pattern escape '\\'
                        """,
                Map.of("accountId", tenant.accountId(), "pattern", LikePatterns.containing(text)),
                rows, PageRequest.cursorIn(jdbc, tenant, "customers", "customer_id"));
    }

    private Customer customer(ResultSet rs, int row) throws SQLException {
        return new Customer(
                rs.getString("customer_id"),
                "customer",
                rs.getString("external_key"),
                rs.getString("name"),
                rs.getString("email"),
                rs.getString("phone"),
                json.read(rs.getString("address"), Address.class),
                json.readMetadata(rs.getString("metadata")),
                rs.getString("default_payment_method"),
                rs.getLong("balance"),
                rs.getString("balance_currency"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }
}
