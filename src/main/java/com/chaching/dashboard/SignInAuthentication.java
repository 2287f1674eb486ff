package com.chaching.dashboard;

import com.chaching.accounts.AccountSignIn;
import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * The dashboard's one way in: the account owner's email and password, checked by the accounts module,
 * unless {@link SignInThrottle} refuses the email or the client address. Every refusal looks the same
 * whether the email has an account or not.
 */
@Component
class SignInAuthentication implements AuthenticationProvider {

    /** Sign-in is refused without looking at the password: too many recent failures. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("Too many failed sign-ins");
        }
    }

    private final AccountSignIn accounts;
    private final SignInThrottle throttle;

    SignInAuthentication(AccountSignIn accounts, SignInThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String email = attempt.getName();
        String password = attempt.getCredentials() instanceof String given ? given : "";
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details && details.getRemoteAddress() != null
                ? details.getRemoteAddress() : "unknown";
        if (throttle.refuses(email, address)) {
            throw new Throttled();
        }
        return accounts.check(email, password)
                .map(account -> {
                    throttle.succeeded(email);
                    DashboardUser user = new DashboardUser(account.accountId(), account.livemode());
                    return (Authentication) UsernamePasswordAuthenticationToken.authenticated(user, null, List.of());
                })
                .orElseThrow(() -> {
                    throttle.failed(email, address);
                    return new BadCredentialsException("Wrong email or password");
                });
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
