package com.chaching.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.chaching.testing.ApiTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.NestedTransactionNotSupportedException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes held for the commit (the event log's outbox rows) belong to their transaction like any other: they
 * land with its commit, vanish with its rollback, and a failing one takes the whole transaction down.
 */
class WritesAtCommitTest extends ApiTest {

    private static final String INSERT = "insert into writes_at_commit_probe (label, amount) values (:label, :amount)";

    @Autowired
    WritesAtCommit atCommit;

    @Autowired
    TransactionTemplate inTransaction;

    @Autowired
    PlatformTransactionManager transactionManager;

    private String run;

    @BeforeEach
    void probeTable() {
        jdbc.sql("create table if not exists writes_at_commit_probe (label text primary key, amount bigint not null check (amount >= 0))")
                .update();
        run = Ids.randomToken(8);
    }

    @Test
    void aHeldWriteLandsWithTheCommitAndNotBefore() {
        List<String> seenInside = inTransaction.execute(status -> {
            jdbc.sql(INSERT).param("label", run + "-now").param("amount", 1).update();
            hold(run + "-at-commit", 2);
            return labels();
        });

        assertThat(seenInside).containsExactly(run + "-now");
        assertThat(labels()).containsExactlyInAnyOrder(run + "-now", run + "-at-commit");
    }

    @Test
    void aRollbackDropsTheHeldWrites() {
        inTransaction.executeWithoutResult(status -> {
            jdbc.sql(INSERT).param("label", run + "-now").param("amount", 1).update();
            hold(run + "-at-commit", 2);
            status.setRollbackOnly();
        });

        assertThat(labels()).isEmpty();
    }

    @Test
    void aHeldWriteThatFailsRollsBackTheWholeTransaction() {
        assertThatThrownBy(() -> inTransaction.executeWithoutResult(status -> {
            jdbc.sql(INSERT).param("label", run + "-now").param("amount", 1).update();
            hold(run + "-fine", 2);
            hold(run + "-negative", -1);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(labels()).isEmpty();
        // The connection went back to the pool clean: the next transaction commits and rolls back as usual.
        aHeldWriteLandsWithTheCommitAndNotBefore();
    }

    @Test
    void aTransactionRunInsideAnotherKeepsItsHeldWritesApart() {
        TransactionTemplate requiresNew = new TransactionTemplate(transactionManager);
        requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        inTransaction.executeWithoutResult(outer -> {
            hold(run + "-outer", 1);
            requiresNew.executeWithoutResult(inner -> hold(run + "-inner", 2));
            assertThat(labels()).containsExactly(run + "-inner");
            outer.setRollbackOnly();
        });

        assertThat(labels()).containsExactly(run + "-inner");
    }

    @Test
    void savepointsAreRefusedBecauseAHeldWriteCouldNotBeTakenBackByOne() {
        TransactionTemplate nested = new TransactionTemplate(transactionManager);
        nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);

        assertThatThrownBy(() -> inTransaction.executeWithoutResult(outer ->
                nested.executeWithoutResult(inner -> hold(run + "-nested", 1))))
                .isInstanceOf(NestedTransactionNotSupportedException.class);
        assertThat(labels()).isEmpty();
    }

    @Test
    void outsideATransactionAHeldWriteIsRefused() {
        assertThatThrownBy(() -> hold(run + "-alone", 1)).isInstanceOf(IllegalTransactionStateException.class);
        assertThat(labels()).isEmpty();
    }

    private void hold(String label, long amount) {
        atCommit.add(INSERT, new MapSqlParameterSource().addValue("label", label).addValue("amount", amount));
    }

    private List<String> labels() {
        return jdbc.sql("select label from writes_at_commit_probe where label like :run order by label")
                .param("run", run + "-%").query(String.class).list();
    }
}
