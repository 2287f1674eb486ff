package com.chaching.accounts;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The owners' password hashes, read only to check a sign-in; they never leave this module. */
@Repository
class PasswordRepository {

    /** An account as sign-in sees it: who it is, and the hash its owner's password must match. */
    record StoredPassword(String accountId, String name, boolean livemode, String passwordHash) {
    }

    private final JdbcClient jdbc;

    PasswordRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The account signed up with this email, whatever its case (V2's unique index is on lower(email)). */
    Optional<StoredPassword> findByEmail(String email) {
        return jdbc.sql("""
                        select account_id, name, livemode, password_hash
                          from accounts
                         where lower(email) = lower(:email)
                        """)
                .param("email", email)
                .query((rs, row) -> new StoredPassword(rs.getString("account_id"), rs.getString("name"),
                        rs.getBoolean("livemode"), rs.getString("password_hash")))
                .optional();
    }
}
