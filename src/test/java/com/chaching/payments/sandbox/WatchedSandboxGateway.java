package com.chaching.payments.sandbox;

import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.RefundOutcome;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Tenant;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The sandbox gateway, watched at its look-ups (decisions.md (ac): nothing of ours is held across a gateway
 * call): each {@code findCharge} / {@code findRefund} writes down whether its caller held a database
 * transaction open, and whether anyone held the row of the transaction being looked up locked. It can also
 * hold look-ups back until several are under way at once, to make reconcilers meet.
 */
public class WatchedSandboxGateway extends SandboxGateway {

    /** What one look-up, of a {@code charge} or a {@code refund}, saw. */
    public record LookUp(String accountId, String of, boolean callerTransactionOpen, boolean rowLocked) {
    }

    /** Puts the watched gateway in place of the sandbox's ({@code PaymentGateways} takes the primary one). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class InPlaceOfTheSandbox {

        @Bean
        @Primary
        WatchedSandboxGateway watchedSandboxGateway(SandboxRepository books, AccountClock clocks, SandboxFaults faults,
                                                    DataSource dataSource) {
            return new WatchedSandboxGateway(books, clocks, faults, dataSource);
        }
    }

    private final DataSource dataSource;
    private final List<LookUp> lookUps = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch meeting = new CountDownLatch(0);

    WatchedSandboxGateway(SandboxRepository books, AccountClock clocks, SandboxFaults faults, DataSource dataSource) {
        super(books, clocks, faults);
        this.dataSource = dataSource;
    }

    /** The look-ups made so far for this account. */
    public List<LookUp> lookUpsIn(String accountId) {
        return lookUps.stream().filter(lookUp -> lookUp.accountId().equals(accountId)).toList();
    }

    /**
     * From now on a look-up waits, after being watched, until {@code callers} look-ups are under way (at most
     * 10 seconds, so that code which never lets them meet fails on what it did rather than hangs).
     */
    public void holdLookUpsUntil(int callers) {
        meeting = new CountDownLatch(callers);
    }

    // SUPPORTS instead of the sandbox's own REQUIRES_NEW: this look-up joins whatever transaction its caller
    // holds, so that it can see whether there is one. Reading the sandbox's books in it changes nothing.
    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ChargeOutcome> findCharge(Tenant tenant, String idempotencyKey) {
        watch(tenant, "charge", idempotencyKey);
        return super.findCharge(tenant, idempotencyKey);
    }

    @Override
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<RefundOutcome> findRefund(Tenant tenant, String idempotencyKey) {
        watch(tenant, "refund", idempotencyKey);
        return super.findRefund(tenant, idempotencyKey);
    }

    private void watch(Tenant tenant, String of, String idempotencyKey) {
        lookUps.add(new LookUp(tenant.accountId(), of, TransactionSynchronizationManager.isActualTransactionActive(),
                rowLocked(tenant, idempotencyKey)));
        CountDownLatch meeting = this.meeting;
        meeting.countDown();
        try {
            meeting.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Asks from a connection of its own, not the caller's, for a share lock on the row without waiting: it is
     * refused exactly while some transaction holds the row for update, and two look-ups asking at once do not
     * refuse each other.
     */
    private boolean rowLocked(Tenant tenant, String idempotencyKey) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement(
                    "select 1 from transactions where account_id = ? and gateway_key = ? for share nowait")) {
                lock.setString(1, tenant.accountId());
                lock.setString(2, idempotencyKey);
                lock.executeQuery().close();
                return false;
            } catch (SQLException e) {
                if ("55P03".equals(e.getSQLState())) { // lock_not_available
                    return true;
                }
                throw e;
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not ask for the row lock of " + idempotencyKey, e);
        }
    }
}
