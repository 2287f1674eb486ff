package com.chaching.payments;

import com.chaching.customers.Customer;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import java.util.Optional;

/**
 * The seam every card payment crosses (architecture.md "Billing engine"). A gateway is remote: each call
 * that moves money carries an idempotency key, so that a retry after a lost answer never moves it twice,
 * and the outcome of any such call can be looked up later by that key.
 */
public interface PaymentGateway {

    /** Exchanges a card for a token to charge it by; the card's number and code go no further. */
    CardToken tokenize(Tenant tenant, CardDetails card);

    /**
     * Takes a card the gateway already holds, by the id its client-side form made in the buyer's browser (a
     * Stripe PaymentMethod), and reads back what may be shown of it: the way live accounts get cards.
     */
    CardToken adopt(Tenant tenant, String gatewayToken);

    /** Makes the card chargeable for this customer, again and again, while nobody is present to confirm. */
    void attach(Tenant tenant, String token, Customer customer);

    /** Charges the card behind {@code token}; the same key always answers with the first outcome. */
    ChargeOutcome charge(Tenant tenant, String token, Money amount, String idempotencyKey);

    /** Refunds all or part of an earlier charge; the same key always answers with the first outcome. */
    RefundOutcome refund(Tenant tenant, String gatewayChargeId, Money amount, String idempotencyKey);

    /** The outcome of the charge made with this key, if the gateway has one. */
    Optional<ChargeOutcome> findCharge(Tenant tenant, String idempotencyKey);

    /** The outcome of the refund made with this key, if the gateway has one. */
    Optional<RefundOutcome> findRefund(Tenant tenant, String idempotencyKey);
}
