package com.chaching.payments.sandbox;

import com.chaching.customers.Customer;
import com.chaching.payments.CardBrand;
import com.chaching.payments.CardDetails;
import com.chaching.payments.CardNumbers;
import com.chaching.payments.CardToken;
import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.PaymentGateway;
import com.chaching.payments.RefundOutcome;
import com.chaching.platform.AccountClock;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Ids;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway of sandbox accounts: real code that behaves like a card network, by test card number. Its
 * books are its own tables, written in transactions of their own, as a remote gateway's would be: what
 * it recorded stays recorded whatever the caller does next, and a restart changes nothing.
 */
@Component
public class SandboxGateway implements PaymentGateway {

    /** billing.md: the sandbox takes 2.9 % + 30 minor units of a charge, and nothing of a refund. */
    static final BigDecimal FEE_PERCENT = new BigDecimal("2.9");
    static final long FEE_FIXED = 30;

    private final SandboxRepository books;
    private final AccountClock clocks;
    private final SandboxFaults faults;

    SandboxGateway(SandboxRepository books, AccountClock clocks, SandboxFaults faults) {
        this.books = books;
        this.clocks = clocks;
        this.faults = faults;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public CardToken tokenize(Tenant tenant, CardDetails card) {
        faults.delay();
        String token = Ids.newId("tok");
        books.insertToken(tenant, token, SandboxCards.behaviorOf(card.number()), clocks.now(tenant));
        CardToken.Funding funding = SandboxCards.isDebit(card.number()) ? CardToken.Funding.DEBIT : CardToken.Funding.CREDIT;
        return new CardToken(token, CardBrand.of(card.number()), CardNumbers.last4(card.number()), card.expMonth(), card.expYear(),
                funding, "US");
    }

    /**
     * Never reached: a sandbox account's cards arrive by number, and {@code PaymentMethodService} refuses a
     * gateway token from one before asking a gateway. A sandbox has no client-side form whose tokens it could take.
     */
    @Override
    public CardToken adopt(Tenant tenant, String gatewayToken) {
        throw new IllegalStateException("the sandbox gateway takes cards by number, not by a gateway token");
    }

    /** A sandbox token is chargeable for anyone as soon as it is made: attaching it is the caller's record alone. */
    @Override
    public void attach(Tenant tenant, String token, Customer customer) {
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public ChargeOutcome charge(Tenant tenant, String token, Money amount, String idempotencyKey) {
        requirePositive(amount);
        faults.delay();
        Optional<SandboxRepository.ChargeRow> earlier = books.findCharge(tenant, idempotencyKey);
        if (earlier.isPresent()) {
            return outcome(sameRequest(earlier.get(), token, amount));
        }
        SandboxCards.Behavior behavior = books.behaviorOf(tenant, token).orElse(SandboxCards.Behavior.DECLINED);
        SandboxRepository.ChargeRow recorded = books.recordCharge(tenant, idempotencyKey, newCharge(token, amount, behavior),
                clocks.now(tenant));
        if (faults.timesOut()) {
            // The money moved (or did not), but the answer never arrives: only a look-up by key can tell.
            return new ChargeOutcome.Unknown("The gateway did not answer in time.");
        }
        return outcome(sameRequest(recorded, token, amount));
    }

    /**
     * The charges of a batch as one call, in one transaction of the sandbox's, with a few statements for all of
     * them: each decided as {@link #charge} decides it (a key seen before answers with its first outcome), and
     * a key reused for another card or amount has no known outcome, as the exception {@link #charge} throws.
     */
    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<ChargeOutcome> chargeAll(Tenant tenant, List<ChargeCall> calls) {
        calls.forEach(call -> requirePositive(call.amount()));
        faults.delay();
        Map<String, SandboxRepository.ChargeRow> recorded = new HashMap<>(books.findCharges(tenant,
                calls.stream().map(ChargeCall::idempotencyKey).distinct().toList()));
        Map<String, SandboxCards.Behavior> behaviors = books.behaviorsOf(tenant, calls.stream()
                .filter(call -> !recorded.containsKey(call.idempotencyKey())).map(ChargeCall::token).distinct().toList());
        Map<String, SandboxRepository.ChargeRow> toRecord = new LinkedHashMap<>();
        for (ChargeCall call : calls) {
            if (!recorded.containsKey(call.idempotencyKey()) && !toRecord.containsKey(call.idempotencyKey())) {
                toRecord.put(call.idempotencyKey(), newCharge(call.token(), call.amount(),
                        behaviors.getOrDefault(call.token(), SandboxCards.Behavior.DECLINED)));
            }
        }
        recorded.putAll(books.recordCharges(tenant, toRecord, clocks.now(tenant)));
        List<ChargeOutcome> outcomes = new ArrayList<>(calls.size());
        for (ChargeCall call : calls) {
            SandboxRepository.ChargeRow charge = Objects.requireNonNull(recorded.get(call.idempotencyKey()));
            if (toRecord.containsKey(call.idempotencyKey()) && faults.timesOut()) {
                outcomes.add(new ChargeOutcome.Unknown("The gateway did not answer in time."));
            } else if (!isSameRequest(charge, call.token(), call.amount())) {
                outcomes.add(new ChargeOutcome.Unknown("idempotency key reused for a different charge"));
            } else {
                outcomes.add(outcome(charge));
            }
        }
        return outcomes;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public RefundOutcome refund(Tenant tenant, String gatewayChargeId, Money amount, String idempotencyKey) {
        faults.delay();
        requirePositive(amount);
        Optional<SandboxRepository.RefundRow> earlier = books.findRefund(tenant, idempotencyKey);
        if (earlier.isPresent()) {
            SandboxRepository.RefundRow recorded = earlier.get();
            if (!recorded.gatewayChargeId().equals(gatewayChargeId) || recorded.amount() != amount.amount()) {
                throw new IllegalStateException("idempotency key reused for a different refund");
            }
            return outcome(recorded);
        }
        Optional<SandboxRepository.ChargeRow> charge = books.lockSucceededCharge(tenant, gatewayChargeId);
        String failure = null;
        if (charge.isEmpty()) {
            failure = "charge_missing";
        } else if (!charge.get().currency().equals(amount.currency().code())) {
            failure = "currency_mismatch";
        } else if (books.refundedSoFar(tenant, gatewayChargeId) + amount.amount() > charge.get().amount()) {
            failure = "amount_too_large";
        }
        SandboxRepository.RefundRow recorded = books.recordRefund(tenant, idempotencyKey, new SandboxRepository.RefundRow(
                Ids.newId("re"), gatewayChargeId, amount.amount(), amount.currency().code(), failure == null, failure),
                clocks.now(tenant));
        if (faults.timesOut()) {
            return new RefundOutcome.Unknown("The gateway did not answer in time.");
        }
        return outcome(recorded);
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Optional<ChargeOutcome> findCharge(Tenant tenant, String idempotencyKey) {
        return books.findCharge(tenant, idempotencyKey).map(SandboxGateway::outcome);
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.REQUIRES_NEW)
    public Optional<RefundOutcome> findRefund(Tenant tenant, String idempotencyKey) {
        return books.findRefund(tenant, idempotencyKey).map(SandboxGateway::outcome);
    }

    /** A charge the card's behavior decides; a card that would succeed fails to process as often as the faults say. */
    private SandboxRepository.ChargeRow newCharge(String token, Money amount, SandboxCards.Behavior cardBehavior) {
        SandboxCards.Behavior behavior = cardBehavior == SandboxCards.Behavior.SUCCEEDS && faults.failsToProcess()
                ? SandboxCards.Behavior.PROCESSING_ERROR : cardBehavior;
        boolean succeeded = behavior == SandboxCards.Behavior.SUCCEEDS;
        return new SandboxRepository.ChargeRow(Ids.newId("ch"), token, amount.amount(), amount.currency().code(), succeeded,
                behavior.failureCode, succeeded ? fee(amount).amount() : 0);
    }

    /** What the sandbox keeps of a charge of {@code amount}. */
    Money fee(Money amount) {
        return amount.percent(FEE_PERCENT, RoundingMode.HALF_UP).plus(Money.of(FEE_FIXED, amount.currency()));
    }

    /** Nothing is charged or refunded for nothing: the callers settle zero amounts without the gateway. */
    private static void requirePositive(Money amount) {
        if (amount.amount() <= 0) {
            throw new IllegalArgumentException("a charge or refund moves a positive amount");
        }
    }

    /** A key names one request: the same key for another card or amount is the caller's bug, not a new charge. */
    private static SandboxRepository.ChargeRow sameRequest(SandboxRepository.ChargeRow recorded, String token, Money amount) {
        if (!isSameRequest(recorded, token, amount)) {
            throw new IllegalStateException("idempotency key reused for a different charge");
        }
        return recorded;
    }

    private static boolean isSameRequest(SandboxRepository.ChargeRow recorded, String token, Money amount) {
        return recorded.token().equals(token) && recorded.amount() == amount.amount() && recorded.currency().equals(amount.currency().code());
    }

    private static ChargeOutcome outcome(SandboxRepository.ChargeRow charge) {
        CurrencyCode currency = CurrencyCode.of(charge.currency());
        if (charge.succeeded()) {
            return new ChargeOutcome.Succeeded(charge.gatewayChargeId(), Money.of(charge.amount(), currency), Money.of(charge.fee(), currency));
        }
        String code = Objects.requireNonNull(charge.failureCode());
        return new ChargeOutcome.Declined(code, SandboxCards.messageOf(code));
    }

    private static RefundOutcome outcome(SandboxRepository.RefundRow refund) {
        if (refund.succeeded()) {
            return new RefundOutcome.Succeeded(refund.gatewayRefundId(), Money.of(refund.amount(), CurrencyCode.of(refund.currency())));
        }
        String code = Objects.requireNonNull(refund.failureCode());
        return new RefundOutcome.Failed(code, SandboxCards.messageOf(code));
    }
}
