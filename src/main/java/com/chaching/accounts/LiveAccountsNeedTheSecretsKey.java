package com.chaching.accounts;

import com.chaching.platform.SecretBox;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * A server whose database holds live accounts will not run without {@code CHACHING_SECRETS_KEY}: their
 * gateway keys are sealed with it, and a server that cannot open them would fail every real charge instead
 * of failing once, at start, with a message that says what to set.
 */
@Component
class LiveAccountsNeedTheSecretsKey implements ApplicationRunner {

    private final SecretBox secrets;
    private final AccountRepository accounts;

    LiveAccountsNeedTheSecretsKey(SecretBox secrets, AccountRepository accounts) {
        this.secrets = secrets;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        if (!secrets.configured() && accounts.anyLive()) {
            throw new IllegalStateException("This database holds live accounts, whose gateway keys are sealed with "
                    + SecretBox.SETTING + ", and it is not set: set it to the key this server was given (base64 of 32 bytes).");
        }
    }
}
