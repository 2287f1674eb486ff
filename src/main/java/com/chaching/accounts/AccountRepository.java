package com.chaching.accounts;

import static com.chaching.platform.SqlValues.instant;
import static com.chaching.platform.SqlValues.utc;

import com.chaching.platform.Tenant;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Accounts and their API keys. */
@Repository
class AccountRepository {

    private static final String COLUMNS = """
            account_id, name, email, livemode, time_zone, invoice_prefix, retry_schedule, after_retries,
            settlement_days, created_at, updated_at, gateway_type, gateway_secret_last4
            """;

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts the account; false when its email is already taken (whatever its case). */
    boolean insert(Account account, String passwordHash) {
        return jdbc.sql("""
                        insert into accounts (account_id, name, email, password_hash, livemode, time_zone, invoice_prefix,
                                              retry_schedule, after_retries, settlement_days, created_at, updated_at)
                        values (:id, :name, :email, :passwordHash, :livemode, :timeZone, :invoicePrefix,
                                :retrySchedule, :afterRetries, :settlementDays, :createdAt, :updatedAt)
                        on conflict ((lower(email))) do nothing
                        """)
                .param("id", account.id())
                .param("name", account.name())
                .param("email", account.email())
                .param("passwordHash", passwordHash)
                .param("livemode", account.livemode())
                .param("timeZone", account.timeZone())
                .param("invoicePrefix", account.invoicePrefix())
                .param("retrySchedule", account.retrySchedule().toArray(Integer[]::new))
                .param("afterRetries", account.afterRetries().value())
                .param("settlementDays", account.settlementDays())
                .param("createdAt", utc(account.createdAt()))
                .param("updatedAt", utc(account.updatedAt()))
                .update() == 1;
    }


    /** Whether the server holds any live account: a question about the server, so the one query not scoped to an account. */
    boolean anyLive() {
        return jdbc.sql("select exists (select 1 from accounts where livemode)").query(Boolean.class).single();
    }

    Optional<Account> find(Tenant tenant) {
        return jdbc.sql("select " + COLUMNS + " from accounts where account_id = :accountId")
                .param("accountId", tenant.accountId())
                .query(AccountRepository::account)
                .optional();
    }

    /** Locks the account's row for the caller's transaction and reads it. */
    Optional<Account> lock(Tenant tenant) {
        return jdbc.sql("select " + COLUMNS + " from accounts where account_id = :accountId for update")
                .param("accountId", tenant.accountId())
                .query(AccountRepository::account)
                .optional();
    }

    /** Sets the account's gateway: its type, its secret key sealed (SecretBox), and the key's last four characters. */
    void setGateway(Tenant tenant, String type, String sealedSecret, String last4, Instant now) {
        jdbc.sql("""
                        update accounts
                           set gateway_type = :type, gateway_secret_sealed = :sealed, gateway_secret_last4 = :last4, updated_at = :now
                         where account_id = :accountId
                        """)
                .param("accountId", tenant.accountId()).param("type", type).param("sealed", sealedSecret).param("last4", last4)
                .param("now", utc(now))
                .update();
    }

    /** The account's gateway secret key as stored, sealed; empty when none is set. */
    Optional<String> sealedGatewaySecret(Tenant tenant) {
        return jdbc.sql("select gateway_secret_sealed from accounts where account_id = :accountId and gateway_secret_sealed is not null")
                .param("accountId", tenant.accountId())
                .query(String.class)
                .optional();
    }

    void update(Account account) {
        jdbc.sql("""
                        update accounts
                           set name = :name, time_zone = :timeZone, invoice_prefix = :invoicePrefix,
                               retry_schedule = :retrySchedule, after_retries = :afterRetries,
                               settlement_days = :settlementDays, updated_at = :updatedAt
                         where account_id = :accountId
                        """)
                .param("accountId", account.id())
                .param("name", account.name())
                .param("timeZone", account.timeZone())
                .param("invoicePrefix", account.invoicePrefix())
                .param("retrySchedule", account.retrySchedule().toArray(Integer[]::new))
                .param("afterRetries", account.afterRetries().value())
                .param("settlementDays", account.settlementDays())
                .param("updatedAt", utc(account.updatedAt()))
                .update();
    }


    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getString("account_id"),
                "account",
                rs.getString("name"),
                rs.getString("email"),
                rs.getBoolean("livemode"),
                rs.getString("time_zone"),
                rs.getString("invoice_prefix"),
                days(rs.getArray("retry_schedule")),
                AfterRetries.fromValue(rs.getString("after_retries")),
                rs.getInt("settlement_days"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"),
                rs.getString("gateway_type") == null ? null
                        : new AccountGateway(rs.getString("gateway_type"), rs.getString("gateway_secret_last4")));
    }

    private static List<Integer> days(Array array) throws SQLException {
        return Arrays.asList((Integer[]) array.getArray());
    }
}
