package com.chaching.accounts;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Checks an owner's email and password (the ones given at sign-up) for the dashboard's sign-in, so that the
 * password hash never leaves this module. Every attempt costs one bcrypt comparison, an unknown email
 * included, so the time an answer takes does not tell whether the email has an account.
 */
@Service
public class AccountSignIn {

    /** The account whose owner has just proved who they are. */
    public record SignedIn(String accountId, String name, boolean livemode) {
    }

    private static final int BCRYPT_MAX_BYTES = 72;

    private final PasswordRepository passwords;
    // The same cost as sign-up's encoder (AccountService), so that both paths take as long.
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(10);
    // Compared against when the email is unknown or the password too long for bcrypt.
    private final String dummyHash = bcrypt.encode("no account has this password: " + System.nanoTime());

    AccountSignIn(PasswordRepository passwords) {
        this.passwords = passwords;
    }

    /** The account, when the email has one and the password is its owner's; empty otherwise. */
    @Transactional(readOnly = true)
    public Optional<SignedIn> check(String email, String password) {
        Optional<PasswordRepository.StoredPassword> stored = passwords.findByEmail(email.strip());
        // bcrypt reads at most 72 bytes, so sign-up refuses longer passwords; none can match here.
        boolean usable = password.getBytes(StandardCharsets.UTF_8).length <= BCRYPT_MAX_BYTES;
        String hash = stored.isPresent() && usable ? stored.get().passwordHash() : dummyHash;
        boolean matches = bcrypt.matches(usable ? password : "", hash);
        if (stored.isEmpty() || !usable || !matches) {
            return Optional.empty();
        }
        return stored.map(account -> new SignedIn(account.accountId(), account.name(), account.livemode()));
    }
}
