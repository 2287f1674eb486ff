package com.chaching.payments;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.payments.sandbox.SandboxGateway;
import com.chaching.payments.stripe.StripeGateway;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which gateway an account's payments go through: a sandbox account always the sandbox gateway, a live
 * account always the gateway its owner configured (docs/payments.md "Which gateway an account uses"). Neither
 * ever reaches the other's: a live account without a gateway is refused, not sent to the sandbox.
 */
@Component
public class PaymentGateways {

    private final SandboxGateway sandbox;
    private final StripeGateway stripe;
    private final AccountService accounts;

    PaymentGateways(SandboxGateway sandbox, StripeGateway stripe, AccountService accounts) {
        this.sandbox = sandbox;
        this.stripe = stripe;
        this.accounts = accounts;
    }

    public PaymentGateway of(Tenant tenant) {
        if (tenant.sandbox()) {
            return sandbox;
        }
        Account account = accounts.get(tenant);
        if (account.gateway() != null && "stripe".equals(account.gateway().type())) {
            return stripe;
        }
        throw notConfigured();
    }

    /** api.md "Live accounts": what needs a gateway, in a live account that has none, is a 402. */
    public static ApiProblem notConfigured() {
        return new ApiProblem(HttpStatus.PAYMENT_REQUIRED, "gateway_not_configured",
                "This live account has no payment gateway configured: set its Stripe key with PATCH /account.", null, List.of());
    }
}
