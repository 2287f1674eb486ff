package com.chaching.payments.stripe;

import com.chaching.accounts.GatewayKeyCheck;
import com.chaching.platform.ApiProblem;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.PermissionException;
import com.stripe.exception.StripeException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Checks a Stripe secret key by reading the balance with it ({@code GET /v1/balance}): the one call every
 * secret key, and a restricted key allowed to read the balance, may make, and it changes nothing. Stripe's
 * own message is not passed on: it repeats part of the key.
 */
@Component
class StripeKeyCheck implements GatewayKeyCheck {

    private final StripeSettings settings;

    StripeKeyCheck(StripeSettings settings) {
        this.settings = settings;
    }

    @Override
    public void check(String type, String secretKey) {
        StripeClient stripe = settings.client(secretKey);
        try {
            stripe.v1().balance().retrieve();
        } catch (PermissionException restricted) {
            throw ApiProblem.badRequest("gateway_key_invalid", "gateway.secretKey",
                    "Stripe accepted this key but it may not read the balance; use a secret key, or a restricted key with that permission.");
        } catch (AuthenticationException refused) {
            throw ApiProblem.badRequest("gateway_key_invalid", "gateway.secretKey", "Stripe refused this key: it is not a valid secret key.");
        } catch (StripeException unreachable) {
            throw new ApiProblem(HttpStatus.BAD_GATEWAY, "gateway_unavailable",
                    "Stripe could not be asked whether this key works; nothing was changed, try again.", "gateway.secretKey", List.of());
        }
    }
}
