package com.chaching.accounts;

import com.chaching.platform.ApiKeyCache;
import com.chaching.platform.ApiKeyHash;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.DeletedObject;
import com.chaching.platform.Ids;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's secret keys (api.md "Keys"): list, create, roll, revoke. Keys live on server time, not the
 * account's clock: advancing a test clock must not expire a key (decisions.md "(bz)").
 */
@Service
public class ApiKeyService {

    private static final int SECRET_LENGTH = 32;

    private final ApiKeyRepository keys;
    private final AccountRepository accounts;
    private final ApiKeyCache cache;
    private final Clock serverClock;

    ApiKeyService(ApiKeyRepository keys, AccountRepository accounts, ApiKeyCache cache, Clock serverClock) {
        this.keys = keys;
        this.accounts = accounts;
        this.cache = cache;
        this.serverClock = serverClock;
    }

    /** The keys that work now, newest first. */
    @Transactional(readOnly = true)
    public Page<ApiKey> list(Tenant tenant, PageRequest page) {
        return keys.listWorking(tenant, page, now());
    }

    /** One key that works now (no secret), or 404 as for a key of another account. */
    @Transactional(readOnly = true)
    public ApiKey get(Tenant tenant, String id) {
        return keys.findWorking(tenant, id, now()).orElseThrow(() -> notFound(id));
    }

    /** A new key; its secret is in this answer only. */
    @Transactional
    public ApiKey create(Tenant tenant, String name) {
        return issue(tenant, name.strip(), now());
    }

    /**
     * A new secret for the key, as a new key of the same name; the old one keeps working for the grace given
     * (none by default), never longer than it already would.
     */
    @Transactional
    public ApiKey roll(Tenant tenant, String id, Duration grace) {
        lockAccount(tenant);
        Instant now = now();
        ApiKey old = keys.findWorking(tenant, id, now).orElseThrow(() -> notFound(id));
        ApiKey rolled = issue(tenant, old.name(), now);
        keys.expire(tenant, id, now.plus(grace)).ifPresent(cache::forgetAfterCommit);
        return rolled;
    }

    /** Ends the key at once. The account's last working key stays: without it, nothing could call the API. */
    @Transactional
    public DeletedObject revoke(Tenant tenant, String id) {
        lockAccount(tenant);
        Instant now = now();
        keys.findWorking(tenant, id, now).orElseThrow(() -> notFound(id));
        if (keys.countWorking(tenant, now) == 1) {
            throw ApiProblem.conflict("last_api_key",
                    "Key " + id + " is the account's last working key; create another before revoking it.");
        }
        keys.expire(tenant, id, now).ifPresent(cache::forgetAfterCommit);
        return DeletedObject.of(id, "api_key");
    }

    /** A key issued at sign-up, in the sign-up's transaction. */
    String issueFirst(Tenant tenant, Instant now) {
        return Objects.requireNonNull(issue(tenant, "Secret key", now).secret());
    }

    private ApiKey issue(Tenant tenant, String name, Instant now) {
        String secret = (tenant.livemode() ? "sk_live_" : "sk_test_") + Ids.randomToken(SECRET_LENGTH);
        String id = Ids.newId("key");
        String last4 = secret.substring(secret.length() - 4);
        keys.insert(tenant.accountId(), id, name, ApiKeyHash.of(secret), last4, now);
        return new ApiKey(id, "api_key", name, last4, secret, tenant.livemode(), now, null, null);
    }

    /** Roll and revoke of one account's keys run one after another, so two revokes cannot end its last two keys. */
    private void lockAccount(Tenant tenant) {
        accounts.lock(tenant).orElseThrow(() -> ApiProblem.notFound("account", tenant.accountId()));
    }

    private Instant now() {
        return serverClock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("api_key", id);
    }
}
