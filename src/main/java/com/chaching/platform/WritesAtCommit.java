package com.chaching.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes that nothing in their transaction reads back, held until the commit and sent in the commit's own
 * round trip ({@link WritesAtCommitTransactionManager}). Each statement is one network round trip less:
 * the event log's outbox row costs a write almost nothing but its statement (issue 11: at most 10 % of
 * {@code POST /customers}). The writes are part of the transaction all the same: a rollback drops them,
 * and a commit that fails takes them with it.
 */
@Component
public class WritesAtCommit {

    /** The SQL texts are constants in code: a bounded set, parsed once each. */
    private final Map<String, ParsedSql> parsed = new ConcurrentHashMap<>();

    /**
     * Adds a write, with {@code :named} parameters, to the current transaction's commit. The statement must
     * not need reading back before the commit, and must be in a read-write transaction of this application.
     */
    public void add(String sql, SqlParameterSource params) {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending == null) {
            throw new IllegalTransactionStateException("A write at commit needs a transaction of this application's transaction manager.");
        }
        ParsedSql statement = parsed.computeIfAbsent(sql, NamedParameterUtils::parseSqlStatement);
        pending.add(new Write(NamedParameterUtils.substituteNamedParameters(statement, params),
                NamedParameterUtils.buildValueArray(statement, params, null)));
    }

    /** One statement with {@code ?} placeholders, and their values in order. */
    record Write(String sql, Object[] values) {
    }

    /** The current transaction's writes, in the order they were added. */
    static final class Pending extends ArrayList<Write> {

        static List<Write> drain() {
            Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
            if (pending == null || pending.isEmpty()) {
                return List.of();
            }
            List<Write> writes = List.copyOf(pending);
            pending.clear();
            return writes;
        }
    }
}
