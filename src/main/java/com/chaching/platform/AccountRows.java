package com.chaching.platform;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One table's rows of one account, read or locked by id: the statements each repository would otherwise repeat,
 * built so that every one keeps {@code account_id = :accountId} (tenancy, and Citus routes it to one shard).
 *
 * <p>For a repository whose {@code select} is {@code select i.* from invoices i join …}, alias {@code i} and key
 * {@code invoice_id}, {@link #lockAll} runs {@code select … where i.account_id = :accountId and i.invoice_id in (:ids)
 * order by i.invoice_id for update of i}. Select, alias and key are the repository's constants, never input.
 */
public final class AccountRows<T> {

    private final JdbcClient jdbc;
    private final RowMapper<T> rows;
    private final String byId;
    private final String byIds;
    private final String lockOne;
    private final String lockMany;

    /**
     * @param select the repository's select up to its {@code where}: the table under {@code alias}, and any joins
     * @param alias  the alias of the table whose rows these are
     * @param key    that table's id column
     */
    public AccountRows(JdbcClient jdbc, String select, String alias, String key, RowMapper<T> rows) {
        this.jdbc = jdbc;
        this.rows = rows;
        String ofAccount = select + " where " + alias + ".account_id = :accountId and " + alias + "." + key;
        this.byId = ofAccount + " = :id";
        this.byIds = ofAccount + " in (:ids)";
        // Only the table's own row is locked, never the joined ones (a customer is not locked by reading its invoice).
        this.lockOne = byId + " for update of " + alias;
        // In id order, so that two batches locking overlapping rows never wait on each other in a circle.
        this.lockMany = byIds + " order by " + alias + "." + key + " for update of " + alias;
    }

    public Optional<T> find(Tenant tenant, String id) {
        return one(byId, tenant, id);
    }

    /** The row, locked for the caller's transaction. */
    public Optional<T> lock(Tenant tenant, String id) {
        return one(lockOne, tenant, id);
    }

    /** The row, locked for the caller's transaction; empty when another transaction holds it (or it does not exist). */
    public Optional<T> tryLock(Tenant tenant, String id) {
        return one(lockOne + " skip locked", tenant, id);
    }

    /** The rows with these ids, in no particular order. */
    public List<T> findAll(Tenant tenant, Collection<String> ids) {
        return many(byIds, tenant, ids);
    }

    /** The rows with these ids, locked for the caller's transaction in id order. */
    public List<T> lockAll(Tenant tenant, Collection<String> ids) {
        return many(lockMany, tenant, ids);
    }

    private Optional<T> one(String sql, Tenant tenant, String id) {
        return jdbc.sql(sql)
                .param("accountId", tenant.accountId())
                .param("id", id)
                .query(rows)
                .optional();
    }

    private List<T> many(String sql, Tenant tenant, Collection<String> ids) {
        // "in ()" is not SQL: no ids, no statement.
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(sql)
                .param("accountId", tenant.accountId())
                .param("ids", ids)
                .query(rows)
                .list();
    }
}
