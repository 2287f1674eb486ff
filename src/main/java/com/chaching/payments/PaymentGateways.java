package com.chaching.payments;

import com.chaching.payments.sandbox.SandboxGateway;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Which gateway an account's payments go through: sandbox accounts use the sandbox gateway; a live account
 * uses the gateway the operator configured, and none can be configured yet (docs/payments.md says how one
 * plugs in).
 */
@Component
public class PaymentGateways {

    private final SandboxGateway sandbox;

    PaymentGateways(SandboxGateway sandbox) {
        this.sandbox = sandbox;
    }

    public PaymentGateway of(Tenant tenant) {
        if (tenant.sandbox()) {
            return sandbox;
        }
        throw new ApiProblem(HttpStatus.PAYMENT_REQUIRED, "gateway_not_configured",
                "This live account has no payment gateway configured; ask the operator to set one up.", null, List.of());
    }
}
