package com.chaching.payments;

import com.chaching.accounts.AccountService;
import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Money;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactions, and the protocol by which money moves (architecture.md "Billing engine"): a charge or a
 * refund is first recorded {@code pending} with the key the gateway will know it by, and committed; the
 * gateway is called outside any transaction; then the outcome is recorded. A crash in between leaves a
 * pending row that {@link TransactionReconciler} settles by asking the gateway — never by sending again.
 */
@Service
public class TransactionService {

    private static final Logger log = LoggerFactory.getLogger(TransactionService.class);

    private final TransactionRepository transactions;
    private final PaymentMethodRepository paymentMethods;
    private final PaymentGateways gateways;
    private final AccountService accounts;
    private final AccountClock clocks;
    private final Clock serverClock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate inTransaction;
    private final EventLog eventLog;

    TransactionService(TransactionRepository transactions, PaymentMethodRepository paymentMethods, PaymentGateways gateways,
                       AccountService accounts, AccountClock clocks, Clock serverClock, ApplicationEventPublisher events,
                       TransactionTemplate inTransaction, EventLog eventLog) {
        this.transactions = transactions;
        this.paymentMethods = paymentMethods;
        this.gateways = gateways;
        this.accounts = accounts;
        this.clocks = clocks;
        this.serverClock = serverClock;
        this.events = events;
        this.inTransaction = inTransaction;
        this.eventLog = eventLog;
    }

    /** A charge to make for an invoice: who pays, with what, how much, and the key the gateway will know it by. */
    public record ChargeRequest(String invoiceId, String customerId, String paymentMethodId, Money amount, String gatewayKey) {
    }

    /** Step 1 of a charge: record it pending, in the caller's transaction, which commits before the gateway is called. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Transaction beginCharge(Tenant tenant, ChargeRequest request) {
        TransactionRow row = pendingCharge(request, clocks.now(tenant));
        transactions.insert(tenant, row, serverClock.instant());
        return find(tenant, row.id()).view();
    }

    /** Step 1 for several charges at once (a bill run's batch): recorded pending together; their ids, in order. */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<String> beginCharges(Tenant tenant, List<ChargeRequest> requests) {
        Instant now = clocks.now(tenant);
        List<TransactionRow> rows = requests.stream().map(request -> pendingCharge(request, now)).toList();
        transactions.insertAll(tenant, rows, serverClock.instant());
        return rows.stream().map(TransactionRow::id).toList();
    }

    private static TransactionRow pendingCharge(ChargeRequest request, Instant now) {
        return new TransactionRow(Ids.newId("txn"), TransactionType.CHARGE, TransactionStatus.PENDING,
                request.amount().amount(), 0, request.amount().amount(), request.amount().currency(), request.invoiceId(),
                request.customerId(), null, request.paymentMethodId(), null, request.gatewayKey(), null, null, null, 0, null,
                null, null, now, now);
    }

    /** Step 2 of a charge: ask the gateway, holding no transaction of ours. */
    public ChargeOutcome sendCharge(Tenant tenant, String transactionId) {
        ChargeToSend charge = prepareCharges(tenant, List.of(transactionId)).get(transactionId);
        if (charge == null) {
            find(tenant, transactionId);
            throw new IllegalStateException("the payment method of " + transactionId + " is gone");
        }
        return send(tenant, charge);
    }

    /** A pending charge as the gateway is asked for it: the card's token, the amount and the key. */
    public record ChargeToSend(String transactionId, String token, Money amount, String gatewayKey) {
    }

    /**
     * Reads several charges for step 2 at once (a bill run's batch), with two statements for all of them, by
     * transaction id; one whose row or payment method is gone is missing from the answer.
     */
    public Map<String, ChargeToSend> prepareCharges(Tenant tenant, List<String> transactionIds) {
        List<TransactionRow> charges = transactions.findAll(tenant, transactionIds);
        Map<String, PaymentMethodRepository.Stored> cards = paymentMethods.findAll(tenant,
                charges.stream().map(row -> Objects.requireNonNull(row.paymentMethodId())).distinct().toList());
        Map<String, ChargeToSend> prepared = new HashMap<>();
        for (TransactionRow charge : charges) {
            PaymentMethodRepository.Stored card = cards.get(charge.paymentMethodId());
            if (card != null) {
                prepared.put(charge.id(), new ChargeToSend(charge.id(), card.gatewayToken(), charge.money(),
                        Objects.requireNonNull(charge.gatewayKey())));
            }
        }
        return prepared;
    }

    /** Step 2 for several prepared charges at once (a bill run's batch): the outcomes by transaction id. */
    public Map<String, ChargeOutcome> sendAll(Tenant tenant, List<ChargeToSend> charges) {
        List<PaymentGateway.ChargeCall> calls = charges.stream()
                .map(charge -> new PaymentGateway.ChargeCall(charge.token(), charge.amount(), charge.gatewayKey())).toList();
        List<ChargeOutcome> outcomes;
        try {
            outcomes = gateways.of(tenant).chargeAll(tenant, calls);
        } catch (RuntimeException e) {
            // Whether any money moved is not known: each stays pending, and the reconciler asks by its key.
            log.warn("sending {} charges together failed; the reconciler settles them", charges.size(), e);
            outcomes = Collections.nCopies(charges.size(), new ChargeOutcome.Unknown(String.valueOf(e.getMessage())));
        }
        Map<String, ChargeOutcome> byTransaction = new HashMap<>();
        for (int i = 0; i < charges.size(); i++) {
            byTransaction.put(charges.get(i).transactionId(), outcomes.get(i));
        }
        return byTransaction;
    }

    /** Step 2 for a prepared charge. */
    public ChargeOutcome send(Tenant tenant, ChargeToSend charge) {
        return gateways.of(tenant).charge(tenant, charge.token(), charge.amount(), charge.gatewayKey());
    }

    /**
     * Step 3 of a charge: record the outcome, in the caller's transaction, with its transaction.succeeded or
     * transaction.failed event, and tell the invoice ({@link ChargeSettled}). An unknown outcome leaves the
     * charge pending for the reconciler. The payer and the reconciler both come here, and only the one that
     * moves the row out of pending records it, so a charge has its event once whoever settled it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Transaction settleCharge(Tenant tenant, String transactionId, ChargeOutcome outcome) {
        TransactionRow charge = transactions.lock(tenant, transactionId, false).orElseThrow();
        if (charge.status() != TransactionStatus.PENDING) {
            return charge.view();
        }
        Instant now = clocks.now(tenant);
        boolean settled = switch (outcome) {
            case ChargeOutcome.Succeeded succeeded -> transactions.settle(tenant, transactionId, TransactionStatus.SUCCEEDED,
                    succeeded.fee().amount(), charge.money().minus(succeeded.fee()).amount(), succeeded.gatewayChargeId(), null, null,
                    now.plus(Duration.ofDays(accounts.get(tenant).settlementDays())), now);
            case ChargeOutcome.Declined declined -> transactions.settle(tenant, transactionId, TransactionStatus.FAILED, 0,
                    charge.amount(), null, declined.code(), declined.message(), null, now);
            case ChargeOutcome.Unknown unknown -> false;
        };
        Transaction result = find(tenant, transactionId).view();
        if (settled) {
            eventLog.record(tenant, result.status() == TransactionStatus.SUCCEEDED ? "transaction.succeeded" : "transaction.failed",
                    result);
            events.publishEvent(new ChargeSettled(tenant, result));
        }
        return result;
    }

    /**
     * Step 3 for several charges at once (a bill run's batch), in the caller's transaction: {@link #settleCharge}
     * for each, with a few statements for all — locked in id order, recorded, their events, and one
     * {@link ChargesSettled} for the invoices. Unknown outcomes, and rows no longer pending, are left as they are.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settleCharges(Tenant tenant, Map<String, ChargeOutcome> outcomes) {
        List<String> known = outcomes.entrySet().stream().filter(e -> !(e.getValue() instanceof ChargeOutcome.Unknown))
                .map(Map.Entry::getKey).toList();
        Instant now = clocks.now(tenant);
        Instant availableOn = now.plus(Duration.ofDays(accounts.get(tenant).settlementDays()));
        List<TransactionRow> settled = new ArrayList<>();
        for (TransactionRow charge : transactions.lockAll(tenant, known)) {
            if (charge.status() != TransactionStatus.PENDING) {
                continue;
            }
            settled.add(switch (outcomes.get(charge.id())) {
                case ChargeOutcome.Succeeded succeeded -> charge.settled(TransactionStatus.SUCCEEDED, succeeded.fee().amount(),
                        charge.amount() - succeeded.fee().amount(), succeeded.gatewayChargeId(), null, null, availableOn, now);
                case ChargeOutcome.Declined declined -> charge.settled(TransactionStatus.FAILED, 0, charge.amount(), null, declined.code(),
                        declined.message(), null, now);
                case ChargeOutcome.Unknown unknown -> throw new IllegalStateException("an unknown outcome is not settled");
            });
        }
        if (settled.isEmpty()) {
            return;
        }
        transactions.settleAll(tenant, settled);
        List<Transaction> views = settled.stream().map(TransactionRow::view).toList();
        eventLog.recordAll(tenant, views.stream().map(view -> EventLog.Recorded.of(
                view.status() == TransactionStatus.SUCCEEDED ? "transaction.succeeded" : "transaction.failed", view)).toList());
        events.publishEvent(new ChargesSettled(tenant, views));
    }

    /** Records a movement of the customer's credit balance for an invoice; it moves no money. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Transaction recordAdjustment(Tenant tenant, String invoiceId, String customerId, Money amount, String description) {
        Instant now = clocks.now(tenant);
        TransactionRow row = new TransactionRow(Ids.newId("txn"), TransactionType.ADJUSTMENT, TransactionStatus.SUCCEEDED,
                amount.amount(), 0, 0, amount.currency(), invoiceId, customerId, null, null, null, null, null, null, null, 0, null,
                description, null, now, now);
        transactions.insert(tenant, row, null);
        return find(tenant, row.id()).view();
    }

    /** The transaction with this id in the account; 404 otherwise. */
    public Transaction get(Tenant tenant, String id) {
        return find(tenant, id).view();
    }

    @Transactional(readOnly = true)
    public Page<Transaction> list(Tenant tenant, TransactionFilter filter, PageRequest page) {
        Page<TransactionRow> rows = transactions.list(tenant, filter, page);
        return Page.of(rows.data().stream().map(TransactionRow::view).toList(), rows.hasMore());
    }

    /**
     * Refunds a succeeded charge, in full by default, through the same pending → gateway → outcome steps as a
     * charge. The refunds of a charge never add up to more than it (409), decided under the charge's lock.
     */
    public Transaction refund(Tenant tenant, String chargeId, RefundRequest request) {
        String refundId = Objects.requireNonNull(inTransaction.execute(status -> beginRefund(tenant, chargeId, request)));
        TransactionRow refund = find(tenant, refundId);
        TransactionRow charge = find(tenant, Objects.requireNonNull(refund.sourceTransactionId()));
        RefundOutcome outcome = gateways.of(tenant).refund(tenant, Objects.requireNonNull(charge.gatewayReference()), refund.money(),
                Objects.requireNonNull(refund.gatewayKey()));
        return Objects.requireNonNull(inTransaction.execute(status -> settleRefund(tenant, refundId, outcome)));
    }

    private String beginRefund(Tenant tenant, String chargeId, RefundRequest request) {
        TransactionRow charge = transactions.lock(tenant, chargeId, false).orElseThrow(() -> ApiProblem.notFound("transaction", chargeId));
        if (charge.type() != TransactionType.CHARGE || charge.status() != TransactionStatus.SUCCEEDED) {
            throw ApiProblem.conflict("invalid_state", "Only a succeeded charge can be refunded; " + chargeId + " is a "
                    + charge.status().value() + " " + charge.type().value() + ".");
        }
        long left = unrefunded(tenant, charge).amount();
        long amount = request.amount() != null ? request.amount() : left;
        if (left <= 0 || amount > left) {
            throw ApiProblem.conflict("refund_exceeds_charge", "Refunds of " + chargeId + " would exceed the amount charged: "
                    + Math.max(left, 0) + " is left to refund.");
        }
        Instant now = clocks.now(tenant);
        String refundId = Ids.newId("txn");
        transactions.insert(tenant, new TransactionRow(refundId, TransactionType.REFUND, TransactionStatus.PENDING, amount, 0, -amount,
                charge.currency(), charge.invoiceId(), charge.customerId(), null, charge.paymentMethodId(), chargeId,
                "refund-" + refundId, null, null, null, 0, request.reason(), null, null, now, now), serverClock.instant());
        return refundId;
    }

    /**
     * Records a refund's outcome; an unknown one stays pending for the reconciler. refund.created is recorded
     * here, with the outcome, rather than when the refund was recorded pending: the pending row is the
     * protocol's note of a request under way (a charge's records no event either), and the one event the
     * refund gets should tell whether it went through. Only the first to settle the row records it.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    Transaction settleRefund(Tenant tenant, String refundId, RefundOutcome outcome) {
        TransactionRow refund = transactions.lock(tenant, refundId, false).orElseThrow();
        boolean settled = false;
        if (refund.status() == TransactionStatus.PENDING) {
            Instant now = clocks.now(tenant);
            settled = switch (outcome) {
                case RefundOutcome.Succeeded succeeded -> transactions.settle(tenant, refundId, TransactionStatus.SUCCEEDED, 0,
                        -refund.amount(), succeeded.gatewayRefundId(), null, null, null, now);
                case RefundOutcome.Failed failed -> transactions.settle(tenant, refundId, TransactionStatus.FAILED, 0, -refund.amount(),
                        null, failed.code(), failed.message(), null, now);
                // Still pending: the reconciler asks the gateway later.
                case RefundOutcome.Unknown unknown -> false;
            };
        }
        Transaction result = find(tenant, refundId).view();
        if (settled) {
            eventLog.record(tenant, "refund.created", result);
        }
        return result;
    }

    @Transactional(readOnly = true)
    public Balance balance(Tenant tenant) {
        return Balance.of(transactions.balance(tenant, clocks.now(tenant)));
    }

    /** A charge's refunds, newest first, whatever their status; 404 when the charge is not the account's. */
    @Transactional(readOnly = true)
    public List<Transaction> refundsOf(Tenant tenant, String chargeId) {
        find(tenant, chargeId);
        return transactions.refundsOf(tenant, chargeId).stream().map(TransactionRow::view).toList();
    }

    /**
     * What {@link #refund} would still accept for this transaction: a succeeded charge's amount less its
     * refunds that succeeded or are under way; 0 for anything else. 404 when it is not the account's.
     */
    @Transactional(readOnly = true)
    public long refundable(Tenant tenant, String chargeId) {
        TransactionRow charge = find(tenant, chargeId);
        if (charge.type() != TransactionType.CHARGE || charge.status() != TransactionStatus.SUCCEEDED) {
            return 0;
        }
        return Math.max(unrefunded(tenant, charge).amount(), 0);
    }

    /** A charge's amount less its refunds that succeeded or are under way. */
    private Money unrefunded(Tenant tenant, TransactionRow charge) {
        return charge.money().minus(Money.of(transactions.refundedOrPending(tenant, charge.id()), charge.currency()));
    }

    private TransactionRow find(Tenant tenant, String id) {
        return transactions.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("transaction", id));
    }

    /**
     * Settles one pending transaction from the gateway's records, for the reconciler: the outcome on record
     * if there is one; if the gateway has none long after it was due, the request never arrived, so the
     * transaction failed and nothing moved. Like a payment, it holds no transaction or lock while it asks the
     * gateway (decisions.md (ac)): (1) read the row, (2) ask, (3) settle in a short transaction under the
     * row's lock. Copies may ask about the same row at once — a look-up moves no money — but step 3 settles
     * only a row still pending, so only the first of them records it.
     */
    void reconcile(Tenant tenant, String transactionId, Instant neverArrivedBefore) {
        TransactionRow pending = transactions.find(tenant, transactionId).orElse(null);
        if (pending == null || pending.status() != TransactionStatus.PENDING) {
            return;
        }
        // Decided before asking: "no record at the gateway" proves the request never arrived only if it had
        // been on its way this long when the gateway was asked.
        Instant since = transactions.pendingSince(tenant, transactionId);
        boolean neverArrived = since != null && since.isBefore(neverArrivedBefore);
        PaymentGateway gateway = gateways.of(tenant);
        String key = Objects.requireNonNull(pending.gatewayKey());
        if (pending.type() == TransactionType.CHARGE) {
            ChargeOutcome outcome = gateway.findCharge(tenant, key).orElse(neverArrived
                    ? new ChargeOutcome.Declined("no_response", "The gateway never received the charge; nothing was charged.")
                    : new ChargeOutcome.Unknown("not at the gateway yet"));
            // Unknown has nothing to record, so it opens no transaction: the row waits for the next pass.
            if (!(outcome instanceof ChargeOutcome.Unknown)) {
                // settleCharge publishes ChargeSettled in this transaction, so the invoice follows with it.
                inTransaction.executeWithoutResult(status -> {
                    if (lockUnlessHeld(tenant, transactionId)) {
                        settleCharge(tenant, transactionId, outcome);
                    }
                });
            }
        } else {
            RefundOutcome outcome = gateway.findRefund(tenant, key).orElse(neverArrived
                    ? new RefundOutcome.Failed("no_response", "The gateway never received the refund; nothing was refunded.")
                    : new RefundOutcome.Unknown("not at the gateway yet"));
            if (!(outcome instanceof RefundOutcome.Unknown)) {
                inTransaction.executeWithoutResult(status -> {
                    if (lockUnlessHeld(tenant, transactionId)) {
                        settleRefund(tenant, transactionId, outcome);
                    }
                });
            }
        }
    }

    /**
     * Locks the transaction for the reconciler, or answers false when another holds it: that one — the payer
     * recording its outcome, or another copy — settles it, and a row still pending is looked at next pass.
     */
    private boolean lockUnlessHeld(Tenant tenant, String transactionId) {
        return transactions.lock(tenant, transactionId, true).isPresent();
    }
}
