package com.chaching.payments;

import com.chaching.customers.Customer;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.slf4j.LoggerFactory;

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

    /** How many charges {@link #chargeAll} has at a remote gateway at once. */
    int CONCURRENT_CHARGES = 16;

    /** One of several charges asked for together ({@link #chargeAll}). */
    record ChargeCall(String token, Money amount, String idempotencyKey) {
    }

    /**
     * Several charges, each as {@link #charge} makes it, the outcomes in the calls' order. A call that fails on
     * our side has no known outcome: the reconciler looks it up by its key later. A remote gateway takes one
     * call a charge, {@value #CONCURRENT_CHARGES} at once on virtual threads; a gateway that can take them in
     * one call (the in-process sandbox) overrides this.
     */
    default List<ChargeOutcome> chargeAll(Tenant tenant, List<ChargeCall> calls) {
        Semaphore atTheGateway = new Semaphore(CONCURRENT_CHARGES);
        List<Future<ChargeOutcome>> answers = new ArrayList<>(calls.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (ChargeCall call : calls) {
                answers.add(threads.submit(() -> {
                    atTheGateway.acquire();
                    try {
                        return charge(tenant, call.token(), call.amount(), call.idempotencyKey());
                    } finally {
                        atTheGateway.release();
                    }
                }));
            }
        }
        List<ChargeOutcome> outcomes = new ArrayList<>(calls.size());
        for (int i = 0; i < calls.size(); i++) {
            outcomes.add(outcomeOf(calls.get(i), answers.get(i)));
        }
        return outcomes;
    }

    private static ChargeOutcome outcomeOf(ChargeCall call, Future<ChargeOutcome> answer) {
        try {
            return answer.get();
        } catch (ExecutionException | InterruptedException e) {
            Throwable cause = e instanceof ExecutionException failed && failed.getCause() != null ? failed.getCause() : e;
            LoggerFactory.getLogger(PaymentGateway.class).warn("charge {} failed on our side; the reconciler settles it", call.idempotencyKey(), cause);
            return new ChargeOutcome.Unknown(String.valueOf(cause.getMessage()));
        }
    }

    /** Refunds all or part of an earlier charge; the same key always answers with the first outcome. */
    RefundOutcome refund(Tenant tenant, String gatewayChargeId, Money amount, String idempotencyKey);

    /** The outcome of the charge made with this key, if the gateway has one. */
    Optional<ChargeOutcome> findCharge(Tenant tenant, String idempotencyKey);

    /** The outcome of the refund made with this key, if the gateway has one. */
    Optional<RefundOutcome> findRefund(Tenant tenant, String idempotencyKey);
}
