package com.chaching.accounts;

import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.SecretBox;
import com.chaching.platform.Tenant;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-up and account settings. */
@Service
public class AccountService {

    static final List<Integer> DEFAULT_RETRY_SCHEDULE = List.of(1, 3, 5, 7);
    static final int DEFAULT_SETTLEMENT_DAYS = 2;
    private static final int BCRYPT_MAX_BYTES = 72;

    private final AccountRepository accounts;
    private final AccountClock clocks;
    private final Clock serverClock;
    private final SignUpSettings signUp;
    private final ApiKeyService apiKeys;
    private final SecretBox secrets;
    private final GatewayKeyCheck gatewayKeys;
    private final TransactionTemplate inTransaction;
    private final BCryptPasswordEncoder passwords = new BCryptPasswordEncoder(10);

    AccountService(AccountRepository accounts, AccountClock clocks, Clock serverClock, SignUpSettings signUp, ApiKeyService apiKeys,
                   SecretBox secrets, GatewayKeyCheck gatewayKeys, TransactionTemplate inTransaction) {
        this.accounts = accounts;
        this.clocks = clocks;
        this.serverClock = serverClock;
        this.signUp = signUp;
        this.apiKeys = apiKeys;
        this.secrets = secrets;
        this.gatewayKeys = gatewayKeys;
        this.inTransaction = inTransaction;
    }

    /** A new account (a sandbox unless asked live) and its first secret key, returned once and stored only as a hash. */
    @Transactional
    SignUpResponse signUp(SignUpRequest request, @Nullable String bearerToken) {
        if (!signUp.allows(bearerToken)) {
            throw ApiProblem.unauthenticated("Sign-up is closed on this server; it needs the operator's admin token.");
        }
        if (Boolean.TRUE.equals(request.livemode()) && !secrets.configured()) {
            throw secretsKeyMissing();
        }
        String password = Objects.requireNonNull(request.password());
        if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
            throw ApiProblem.invalid("password", "password must be at most 72 bytes in UTF-8.");
        }
        // A new account's clock is the server's: it has no test-clock offset yet.
        Instant now = serverClock.instant().truncatedTo(ChronoUnit.SECONDS);
        String name = Objects.requireNonNull(request.name()).strip();
        Account account = new Account(Ids.newId("acct"), "account", name, Objects.requireNonNull(request.email()).strip(),
                Boolean.TRUE.equals(request.livemode()),
                "UTC", InvoicePrefixes.fromName(name), DEFAULT_RETRY_SCHEDULE, AfterRetries.CANCEL,
                DEFAULT_SETTLEMENT_DAYS, now, now, null);
        if (!accounts.insert(account, passwords.encode(password))) {
            throw ApiProblem.alreadyExists("email", "An account with this email already exists.");
        }
        return new SignUpResponse(account, apiKeys.issueFirst(new Tenant(account.id(), account.livemode()), now));
    }

    @Transactional(readOnly = true)
    public Account get(Tenant tenant) {
        return accounts.find(tenant).orElseThrow(() -> ApiProblem.notFound("account", tenant.accountId()));
    }

    /**
     * {@code PATCH /account}. A gateway is checked with the gateway first, with no transaction open across that
     * call, and then kept sealed (SecretBox) beside the settings, in one transaction.
     */
    public Account update(Tenant tenant, AccountUpdate changes) {
        GatewayInput gateway = changes.gateway();
        String sealed = null;
        if (gateway != null) {
            if (tenant.sandbox()) {
                throw ApiProblem.invalid("gateway", "A sandbox account charges through the sandbox gateway; only a live account takes a gateway.");
            }
            if (!secrets.configured()) {
                throw secretsKeyMissing();
            }
            String secretKey = Objects.requireNonNull(gateway.secretKey());
            gatewayKeys.check(Objects.requireNonNull(gateway.type()), secretKey);
            sealed = secrets.seal(secretKey, tenant.accountId());
        }
        String sealedSecret = sealed;
        return Objects.requireNonNull(inTransaction.execute(status -> {
            Account updated = updateSettings(tenant, changes);
            if (gateway != null && sealedSecret != null) {
                String key = Objects.requireNonNull(gateway.secretKey());
                accounts.setGateway(tenant, Objects.requireNonNull(gateway.type()), sealedSecret, key.substring(key.length() - 4), updated.updatedAt());
                return get(tenant);
            }
            return updated;
        }));
    }

    /** The account's gateway secret key, opened; empty for an account with no gateway. */
    public Optional<String> gatewaySecret(Tenant tenant) {
        return accounts.sealedGatewaySecret(tenant).map(sealed -> secrets.open(sealed, tenant.accountId()));
    }

    private static ApiProblem secretsKeyMissing() {
        return ApiProblem.conflict("secrets_key_not_configured", "Live accounts need the server's " + SecretBox.SETTING
                + " to keep their gateway keys sealed; ask the operator to set it.");
    }

    private Account updateSettings(Tenant tenant, AccountUpdate changes) {
        Account current = accounts.lock(tenant).orElseThrow(() -> ApiProblem.notFound("account", tenant.accountId()));
        Account updated = new Account(
                current.id(),
                current.object(),
                changes.name() != null ? changes.name().strip() : current.name(),
                current.email(),
                current.livemode(),
                changes.timeZone() != null ? changes.timeZone() : current.timeZone(),
                changes.invoicePrefix() != null ? changes.invoicePrefix() : current.invoicePrefix(),
                changes.retrySchedule() != null ? List.copyOf(changes.retrySchedule()) : current.retrySchedule(),
                changes.afterRetries() != null ? changes.afterRetries() : current.afterRetries(),
                changes.settlementDays() != null ? changes.settlementDays() : current.settlementDays(),
                current.createdAt(),
                clocks.now(tenant),
                current.gateway());
        accounts.update(updated);
        return updated;
    }

    static ApiProblem noTestClock() {
        return new ApiProblem(HttpStatus.NOT_FOUND, "resource_missing", "Live accounts have no test clock.", null, List.of());
    }
}
