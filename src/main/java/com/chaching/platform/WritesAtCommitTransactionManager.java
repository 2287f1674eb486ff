package com.chaching.platform;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.datasource.JdbcTransactionObjectSupport;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's JDBC transaction manager, sending the transaction's {@link WritesAtCommit} together with its
 * {@code COMMIT}: the statements and the commit go in one message and come back in one answer (the
 * driver sends several statements of one text before a single Sync). If one of them fails, the commit does
 * not run and the whole transaction rolls back, as when a statement fails earlier.
 *
 * <p>Savepoints are refused ({@code PROPAGATION_NESTED}): a write held for the commit could not be taken
 * back by rolling back to a savepoint. A suspended transaction ({@code REQUIRES_NEW}) keeps its writes
 * aside until it resumes.
 */
class WritesAtCommitTransactionManager extends JdbcTransactionManager {

    WritesAtCommitTransactionManager(DataSource dataSource) {
        super(dataSource);
        setNestedTransactionAllowed(false);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        super.doBegin(transaction, definition);
        TransactionSynchronizationManager.bindResource(WritesAtCommit.Pending.class, new WritesAtCommit.Pending());
    }

    @Override
    protected Object doSuspend(Object transaction) {
        Object connection = super.doSuspend(transaction);
        return new Suspended(connection, (WritesAtCommit.Pending) TransactionSynchronizationManager.unbindResourceIfPossible(WritesAtCommit.Pending.class));
    }

    @Override
    protected void doResume(@Nullable Object transaction, Object suspendedResources) {
        Suspended suspended = (Suspended) suspendedResources;
        super.doResume(transaction, suspended.connection());
        if (suspended.pending() != null) {
            TransactionSynchronizationManager.bindResource(WritesAtCommit.Pending.class, suspended.pending());
        }
    }

    @Override
    protected void doCommit(DefaultTransactionStatus status) {
        List<WritesAtCommit.Write> writes = WritesAtCommit.Pending.drain();
        if (!writes.isEmpty()) {
            Connection connection = ((JdbcTransactionObjectSupport) status.getTransaction()).getConnectionHolder().getConnection();
            String sql = writes.stream().map(WritesAtCommit.Write::sql).collect(Collectors.joining(";\n", "", ";\ncommit"));
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int index = 1;
                for (WritesAtCommit.Write write : writes) {
                    for (Object value : write.values()) {
                        StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, value);
                    }
                }
                statement.execute();
            } catch (SQLException failed) {
                throw translateException("JDBC commit with its writes", failed);
            }
        }
        // After the COMMIT above the driver knows no transaction is open, and this sends nothing.
        super.doCommit(status);
    }

    @Override
    protected void doCleanupAfterCompletion(Object transaction) {
        TransactionSynchronizationManager.unbindResourceIfPossible(WritesAtCommit.Pending.class);
        super.doCleanupAfterCompletion(transaction);
    }

    private record Suspended(@Nullable Object connection, WritesAtCommit.@Nullable Pending pending) {
    }
}
