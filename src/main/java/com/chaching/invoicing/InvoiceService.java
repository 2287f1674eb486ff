package com.chaching.invoicing;

import com.chaching.accounts.AccountService;
import com.chaching.customers.Customer;
import com.chaching.customers.CustomerService;
import com.chaching.events.EventLog;
import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.ChargeSettled;
import com.chaching.payments.ChargesSettled;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodService;
import com.chaching.payments.Transaction;
import com.chaching.payments.TransactionFilter;
import com.chaching.payments.TransactionService;
import com.chaching.payments.TransactionStatus;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Money;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invoices: create, read, list, finalize, pay, void and mark uncollectible, as billing.md "Invoices" states. Every change records
 * its event (events.md) in its transaction, the invoice as its GET returns it once the change is written:
 * invoice.created, .finalized, .paid, .payment_failed, .voided, .marked_uncollectible, and .updated for a
 * change no other type tells (the next payment attempt the dunning plans).
 */
@Service
public class InvoiceService {

    static final int DEFAULT_DAYS_UNTIL_DUE = 30;

    private final InvoiceRepository invoices;
    private final InvoiceLines lines;
    private final CustomerService customers;
    private final AccountService accounts;
    private final PaymentMethodService paymentMethods;
    private final TransactionService transactions;
    private final AccountClock clocks;
    private final TransactionTemplate inTransaction;
    private final ApplicationEventPublisher events;
    private final List<SubscriptionDefaults> subscriptionDefaults;
    private final EventLog eventLog;

    InvoiceService(InvoiceRepository invoices, InvoiceLines lines, CustomerService customers, AccountService accounts,
                   PaymentMethodService paymentMethods, TransactionService transactions, AccountClock clocks,
                   TransactionTemplate inTransaction, ApplicationEventPublisher events, List<SubscriptionDefaults> subscriptionDefaults,
                   EventLog eventLog) {
        this.invoices = invoices;
        this.lines = lines;
        this.customers = customers;
        this.accounts = accounts;
        this.paymentMethods = paymentMethods;
        this.transactions = transactions;
        this.clocks = clocks;
        this.inTransaction = inTransaction;
        this.events = events;
        this.subscriptionDefaults = subscriptionDefaults;
        this.eventLog = eventLog;
    }

    @Transactional
    Invoice create(Tenant tenant, InvoiceCreate request) {
        Customer customer = customerOf(tenant, Objects.requireNonNull(request.customer()));
        CurrencyCode currency = CurrencyCode.of(Objects.requireNonNull(request.currency()));
        CollectionMethod method = request.collectionMethod() == null ? CollectionMethod.CHARGE_AUTOMATICALLY : request.collectionMethod();
        Instant now = clocks.now(tenant);
        if (method == CollectionMethod.CHARGE_AUTOMATICALLY && (request.daysUntilDue() != null || request.dueDate() != null)) {
            throw ApiProblem.invalid(request.daysUntilDue() != null ? "daysUntilDue" : "dueDate",
                    "daysUntilDue and dueDate are for send_invoice invoices; charge_automatically ones are due when finalized.");
        }
        if (request.daysUntilDue() != null && request.dueDate() != null) {
            throw ApiProblem.invalid("dueDate", "Send daysUntilDue or dueDate, not both.");
        }
        if (request.dueDate() != null && !request.dueDate().isAfter(now)) {
            throw ApiProblem.invalid("dueDate", "dueDate must be in the future.");
        }
        List<InvoiceLine> invoiceLines = lines.of(tenant, currency, Objects.requireNonNull(request.lines()));
        Integer daysUntilDue = method == CollectionMethod.SEND_INVOICE && request.dueDate() == null
                ? (request.daysUntilDue() == null ? DEFAULT_DAYS_UNTIL_DUE : request.daysUntilDue()) : null;
        InvoiceTotals totals;
        try {
            totals = InvoiceTotals.of(currency, invoiceLines);
        } catch (ArithmeticException tooLarge) {
            throw ApiProblem.invalid("lines", "The invoice's total is too large.");
        }
        InvoiceRow invoice = new InvoiceRow(Ids.newId("in"), null, InvoiceStatus.DRAFT, customer.id(), customer.externalKey(), null,
                currency, method, daysUntilDue, request.dueDate(), "manual", totals, 0, 0, null, null,
                null, null, null, Metadata.forCreate(request.metadata()), now, now);
        invoices.insert(tenant, invoice, invoiceLines);
        eventLog.record(tenant, "invoice.created", view(invoice, invoiceLines));
        return view(invoice, invoiceLines);
    }

    /** The invoice with this id in the account; 404 otherwise. */
    public Invoice get(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.find(tenant, id).orElseThrow(() -> notFound(id));
        return view(invoice, invoices.lines(tenant, id));
    }

    @Transactional(readOnly = true)
    public Page<Invoice> list(Tenant tenant, InvoiceFilter filter, PageRequest page) {
        Page<InvoiceRow> rows = invoices.list(tenant, filter, page);
        Map<String, List<InvoiceLine>> linesById = invoices.linesOf(tenant, rows.data().stream().map(InvoiceRow::id).toList());
        return Page.of(rows.data().stream().map(row -> view(row, linesById.getOrDefault(row.id(), List.of()))).toList(), rows.hasMore());
    }

    /** {@code POST /invoices/{id}/finalize}: draft → open, numbered and frozen, without charging. */
    @Transactional
    public Invoice finalizeInvoice(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (!invoice.status().canFinalize()) {
            throw invalidState(invoice, "finalized");
        }
        InvoiceRow finalized = finalizeLocked(tenant, invoice);
        return view(finalized, invoices.lines(tenant, id));
    }

    /** {@code DELETE /invoices/{id}}: a draft or open invoice becomes void; credit it took goes back to the customer. */
    @Transactional
    public Invoice voidInvoice(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (!invoice.status().canVoid()) {
            throw invalidState(invoice, "voided");
        }
        if (invoice.paymentInFlight() != null) {
            throw paymentInProgress(id);
        }
        Money applied = invoice.totals().appliedBalance();
        boolean creditMoves = applied.amount() > 0 || (invoice.status() == InvoiceStatus.OPEN && invoice.totals().total().isNegative());
        if (creditMoves && !customers.lockBalance(tenant, invoice.customerId()).accepts(invoice.currency().code())) {
            throw ApiProblem.conflict("invalid_state", "Voiding invoice " + id + " would move the customer's credit in "
                    + invoice.currency() + ", but the balance is now in another currency.");
        }
        if (applied.amount() > 0) {
            customers.adjustBalance(tenant, invoice.customerId(), applied.negate());
            transactions.recordAdjustment(tenant, id, invoice.customerId(), applied.negate(),
                    "Credit returned from voided invoice " + invoice.number());
        }
        if (invoice.status() == InvoiceStatus.OPEN && invoice.totals().total().isNegative()) {
            customers.adjustBalance(tenant, invoice.customerId(), invoice.totals().total().negate());
            transactions.recordAdjustment(tenant, id, invoice.customerId(), invoice.totals().total().negate(),
                    "Credit withdrawn with voided invoice " + invoice.number());
        }
        InvoiceRow voided = invoice.voided(clocks.now(tenant));
        invoices.update(tenant, voided);
        record(tenant, "invoice.voided", voided);
        events.publishEvent(new InvoiceVoided(tenant, id, invoice.subscriptionId()));
        return view(voided, invoices.lines(tenant, id));
    }

    /**
     * {@code PUT /invoices/{id}}: finalizes a draft, then charges what remains, never twice: (1) under the
     * invoice's lock, mark the attempt in flight and record the charge pending, commit; (2) ask the gateway,
     * holding no transaction; (3) record the outcome, and the invoice follows ({@link #onChargeSettled}).
     */
    public Invoice pay(Tenant tenant, String id, @Nullable String paymentMethod) {
        return switch (collect(tenant, id, paymentMethod)) {
            case PaymentResult.Paid paid -> get(tenant, id);
            case PaymentResult.NoPaymentMethod none -> throw new ApiProblem(HttpStatus.PAYMENT_REQUIRED, "no_payment_method",
                    "Invoice " + id + " has no payment method to charge: pass paymentMethod, or set a default.",
                    "paymentMethod", List.of());
            case PaymentResult.Failed failed -> throw new ApiProblem(HttpStatus.PAYMENT_REQUIRED, failed.code(),
                    failed.message() + " The failed charge is transaction " + failed.transactionId() + ".", null, List.of());
            case PaymentResult.Pending pending -> throw paymentInProgress(id);
        };
    }

    /**
     * The payment protocol behind {@link #pay}, for callers that handle the outcome themselves (the billing
     * engine): finalizes a draft, then charges what remains. Holds no transaction across the gateway call;
     * a payment already under way is a 409, a paid or void invoice a 409.
     */
    public PaymentResult collect(Tenant tenant, String id, @Nullable String paymentMethod) {
        Attempt attempt = Objects.requireNonNull(inTransaction.execute(status -> startAttempt(tenant, id, paymentMethod)));
        return switch (attempt) {
            case Attempt.Done done -> new PaymentResult.Paid();
            case Attempt.NoPaymentMethod none -> new PaymentResult.NoPaymentMethod();
            case Attempt.Charging charging -> {
                ChargeOutcome outcome = transactions.sendCharge(tenant, charging.transactionId());
                inTransaction.executeWithoutResult(status -> transactions.settleCharge(tenant, charging.transactionId(), outcome));
                yield switch (outcome) {
                    case ChargeOutcome.Succeeded succeeded -> new PaymentResult.Paid();
                    case ChargeOutcome.Declined declined -> new PaymentResult.Failed(declined.code(), declined.message(), charging.transactionId());
                    case ChargeOutcome.Unknown unknown -> new PaymentResult.Pending();
                };
            }
        };
    }

    /**
     * A subscription's invoice, with the id the subscription already knows it by, finalized in the caller's
     * transaction (numbered, credit applied; paid at once when nothing is due, which {@link InvoicePaid} tells).
     * Collecting it is the caller's next step.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void createForSubscription(Tenant tenant, SubscriptionInvoice request) {
        Customer customer = customers.findById(tenant, request.customerId()).orElseThrow();
        List<InvoiceLine> invoiceLines = lines.ofSubscription(tenant, request.currency(), request.lines(), request.taxRateIds());
        InvoiceRow invoice = draftFor(request, customer, invoiceLines, clocks.now(tenant));
        invoices.insert(tenant, invoice, invoiceLines);
        eventLog.record(tenant, "invoice.created", view(invoice, invoiceLines));
        finalizeLocked(tenant, invoices.lock(tenant, invoice.id()).orElseThrow());
    }

    /** The draft of a subscription's invoice, before it is finalized. */
    static InvoiceRow draftFor(SubscriptionInvoice request, Customer customer, List<InvoiceLine> invoiceLines, Instant now) {
        Integer daysUntilDue = request.collectionMethod() == CollectionMethod.SEND_INVOICE
                ? Objects.requireNonNullElse(request.daysUntilDue(), DEFAULT_DAYS_UNTIL_DUE) : null;
        return new InvoiceRow(request.invoiceId(), null, InvoiceStatus.DRAFT, customer.id(), customer.externalKey(),
                request.subscriptionId(), request.currency(), request.collectionMethod(), daysUntilDue, null, request.billingReason(),
                InvoiceTotals.of(request.currency(), invoiceLines), 0, 0, null, null, null, null, null, Map.of(), now, now);
    }

    /**
     * Locks the invoice for the caller's transaction. Whoever locks an invoice and its subscription takes the
     * invoice first, as paying does (the invoice, then its subscription through {@link InvoicePaid}), so that
     * the two never wait on each other.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(Tenant tenant, String id) {
        invoices.lock(tenant, id);
    }

    /** Records when the next payment attempt of an open invoice is scheduled (dunning); {@code null}: none is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void scheduleNextAttempt(Tenant tenant, String id, @Nullable Instant at) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (invoice.status() == InvoiceStatus.OPEN && !Objects.equals(invoice.nextPaymentAttempt(), at)) {
            InvoiceRow scheduled = invoice.nextAttemptAt(at);
            invoices.update(tenant, scheduled);
            List<InvoiceLine> invoiceLines = invoices.lines(tenant, id);
            eventLog.recordUpdate(tenant, "invoice.updated", view(invoice, invoiceLines), view(scheduled, invoiceLines));
        }
    }

    /** Marks an open invoice uncollectible (dunning gave up); it can still be paid. Anything else is left as it is. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markUncollectible(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (invoice.status() == InvoiceStatus.OPEN && invoice.paymentInFlight() == null) {
            uncollectibleLocked(tenant, invoice);
        }
    }

    /**
     * {@code POST /invoices/{id}/mark-uncollectible}: open → uncollectible by hand, with the event dunning's
     * {@link #markUncollectible} records. Unlike dunning's, a refusal is the caller's to see: anything but an
     * open invoice is a 409, and so is a payment under way (its outcome settles the invoice).
     */
    @Transactional
    public Invoice markInvoiceUncollectible(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (!invoice.status().canMarkUncollectible()) {
            throw invalidState(invoice, "marked uncollectible");
        }
        if (invoice.paymentInFlight() != null) {
            throw paymentInProgress(id);
        }
        return view(uncollectibleLocked(tenant, invoice), invoices.lines(tenant, id));
    }

    private InvoiceRow uncollectibleLocked(Tenant tenant, InvoiceRow invoice) {
        InvoiceRow uncollectible = invoice.uncollectible(clocks.now(tenant));
        invoices.update(tenant, uncollectible);
        record(tenant, "invoice.marked_uncollectible", uncollectible);
        return uncollectible;
    }

    /** Voids an unpaid invoice for the engine (an incomplete subscription expired); refusals are not errors here. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void voidIfUnpaid(Tenant tenant, String id) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (invoice.status().canVoid() && invoice.paymentInFlight() == null) {
            voidInvoice(tenant, id);
        }
    }

    /** What step 1 of paying decided. */
    sealed interface Attempt permits Attempt.Done, Attempt.NoPaymentMethod, Attempt.Charging {
        /** Nothing to charge: the invoice is paid. */
        record Done() implements Attempt {
        }

        record NoPaymentMethod() implements Attempt {
        }

        /** A charge is pending at {@code transactionId}; the gateway is next. */
        record Charging(String transactionId) implements Attempt {
        }
    }

    /** Step 1 of paying, in the caller's transaction. */
    Attempt startAttempt(Tenant tenant, String id, @Nullable String requestedPaymentMethod) {
        InvoiceRow invoice = invoices.lock(tenant, id).orElseThrow(() -> notFound(id));
        if (!invoice.status().canPay()) {
            throw invalidState(invoice, "paid");
        }
        if (invoice.status() == InvoiceStatus.DRAFT) {
            invoice = finalizeLocked(tenant, invoice);
        }
        if (invoice.status() == InvoiceStatus.PAID) {
            return new Attempt.Done();
        }
        if (invoice.paymentInFlight() != null) {
            throw paymentInProgress(id);
        }
        if (invoice.amountRemaining() == 0) {
            InvoiceRow paid = invoice.paid(invoice.amountPaid(), clocks.now(tenant));
            invoices.update(tenant, paid);
            record(tenant, "invoice.paid", paid);
            events.publishEvent(new InvoicePaid(tenant, id, invoice.subscriptionId()));
            return new Attempt.Done();
        }
        String paymentMethod = paymentMethodFor(tenant, invoice, requestedPaymentMethod);
        if (paymentMethod == null) {
            // As Stripe: an attempt that finds nothing to charge failed too (the invoice itself is unchanged).
            record(tenant, "invoice.payment_failed", invoice);
            return new Attempt.NoPaymentMethod();
        }
        int attempt = invoice.attemptCount() + 1;
        invoices.update(tenant, invoice.attemptStarted(attempt, clocks.now(tenant)));
        Transaction charge = transactions.beginCharge(tenant, new TransactionService.ChargeRequest(id, invoice.customerId(), paymentMethod,
                Money.of(invoice.amountRemaining(), invoice.currency()), id + "-attempt-" + attempt));
        return new Attempt.Charging(charge.id());
    }

    /** Step 3's other half: the invoice follows its charge, whoever settled it (the payer or the reconciler). */
    @EventListener
    void onChargeSettled(ChargeSettled settled) {
        Transaction charge = settled.transaction();
        if (charge.invoice() == null) {
            return;
        }
        Tenant tenant = settled.tenant();
        InvoiceRow invoice = invoices.lock(tenant, charge.invoice()).orElseThrow();
        int attempt = invoice.paymentInFlight() != null ? invoice.paymentInFlight() : invoice.attemptCount() + 1;
        Instant now = clocks.now(tenant);
        if (charge.status() == TransactionStatus.SUCCEEDED) {
            InvoiceRow paid = invoice.attemptSucceeded(attempt, charge.amount(), now);
            invoices.update(tenant, paid);
            record(tenant, "invoice.paid", paid);
            events.publishEvent(new InvoicePaid(tenant, invoice.id(), invoice.subscriptionId()));
        } else {
            InvoiceRow failed = invoice.attemptFailed(attempt, now);
            invoices.update(tenant, failed);
            record(tenant, "invoice.payment_failed", failed);
            events.publishEvent(new InvoicePaymentFailed(tenant, invoice.id(), invoice.subscriptionId(), attempt,
                    Objects.requireNonNullElse(charge.failureCode(), "payment_failed")));
        }
    }

    /**
     * {@link #onChargeSettled} for a batch of charges settled together: the invoices locked in id order, written
     * and their events recorded with a few statements for all, then the subscriptions told — the paid ones at once.
     */
    @EventListener
    void onChargesSettled(ChargesSettled settled) {
        Tenant tenant = settled.tenant();
        Map<String, Transaction> byInvoice = new HashMap<>();
        settled.transactions().stream().filter(charge -> charge.invoice() != null).forEach(charge -> byInvoice.put(charge.invoice(), charge));
        List<InvoiceRow> locked = invoices.lockAll(tenant, byInvoice.keySet());
        Map<String, List<InvoiceLine>> linesOf = invoices.linesOf(tenant, byInvoice.keySet());
        Instant now = clocks.now(tenant);
        List<InvoiceRow> written = new ArrayList<>(locked.size());
        List<EventLog.Recorded> recorded = new ArrayList<>(locked.size());
        List<InvoicePaid> paid = new ArrayList<>();
        List<InvoicePaymentFailed> failed = new ArrayList<>();
        for (InvoiceRow invoice : locked) {
            Transaction charge = byInvoice.get(invoice.id());
            int attempt = invoice.paymentInFlight() != null ? invoice.paymentInFlight() : invoice.attemptCount() + 1;
            List<InvoiceLine> lines = linesOf.getOrDefault(invoice.id(), List.of());
            if (charge.status() == TransactionStatus.SUCCEEDED) {
                InvoiceRow row = invoice.attemptSucceeded(attempt, charge.amount(), now);
                written.add(row);
                recorded.add(EventLog.Recorded.of("invoice.paid", view(row, lines)));
                paid.add(new InvoicePaid(tenant, invoice.id(), invoice.subscriptionId()));
            } else {
                InvoiceRow row = invoice.attemptFailed(attempt, now);
                written.add(row);
                recorded.add(EventLog.Recorded.of("invoice.payment_failed", view(row, lines)));
                failed.add(new InvoicePaymentFailed(tenant, invoice.id(), invoice.subscriptionId(), attempt,
                        Objects.requireNonNullElse(charge.failureCode(), "payment_failed")));
            }
        }
        invoices.updateAll(tenant, written);
        eventLog.recordAll(tenant, recorded);
        if (!paid.isEmpty()) {
            events.publishEvent(new InvoicesPaid(tenant, List.copyOf(paid)));
        }
        failed.forEach(events::publishEvent);
    }

    /** The invoice's transactions, newest first. */
    @Transactional(readOnly = true)
    public Page<Transaction> transactionsOf(Tenant tenant, String id, PageRequest page) {
        get(tenant, id);
        return transactions.list(tenant, TransactionFilter.ofInvoice(id), page);
    }

    /** One of the invoice's transactions; 404 when it belongs to another invoice. */
    Transaction transactionOf(Tenant tenant, String id, String transactionId) {
        get(tenant, id);
        Transaction transaction = transactions.get(tenant, transactionId);
        if (!id.equals(transaction.invoice())) {
            throw ApiProblem.notFound("transaction", transactionId);
        }
        return transaction;
    }

    /**
     * Numbers the invoice, applies the customer's credit, sets its due date, and — when nothing is left to
     * pay — marks it paid at once, as Stripe does ({@link Finalization}).
     */
    private InvoiceRow finalizeLocked(Tenant tenant, InvoiceRow invoice) {
        Instant now = clocks.now(tenant);
        // The customer's balance before the account's counter: a bill run's batch takes them in this order too,
        // so that the two never wait on each other in a circle.
        CustomerService.Balance balance = customers.lockBalance(tenant, invoice.customerId());
        Finalization finalization = Finalization.of(invoice, balance, number(tenant, invoices.nextNumber(tenant)), now);
        moveBalance(tenant, finalization);
        InvoiceRow finalized = finalization.invoice();
        invoices.update(tenant, finalized);
        // Both events show the invoice as written: paid already when nothing was left to pay (as Stripe's do).
        record(tenant, "invoice.finalized", finalized);
        // Told only once the paid row is written: a listener that reads the invoice sees it paid, and what it
        // changes is not overwritten by this method afterwards.
        if (finalization.paidAtOnce()) {
            record(tenant, "invoice.paid", finalized);
            events.publishEvent(new InvoicePaid(tenant, invoice.id(), invoice.subscriptionId()));
        }
        return finalized;
    }

    /** The invoice number the account's counter gave, with the account's prefix. */
    String number(Tenant tenant, long counter) {
        return number(prefix(tenant), counter);
    }

    String prefix(Tenant tenant) {
        return accounts.get(tenant).invoicePrefix();
    }

    static String number(String prefix, long counter) {
        return "%s-%06d".formatted(prefix, counter);
    }

    /** Moves the customer's balance by the credit a finalized invoice used or gave, each movement recorded as a transaction. */
    void moveBalance(Tenant tenant, Finalization finalization) {
        InvoiceRow invoice = finalization.invoice();
        if (!finalization.creditApplied().isZero()) {
            customers.adjustBalance(tenant, invoice.customerId(), finalization.creditApplied());
            transactions.recordAdjustment(tenant, invoice.id(), invoice.customerId(), finalization.creditApplied(),
                    "Credit balance applied to invoice " + invoice.number());
        }
        if (!finalization.credited().isZero()) {
            customers.adjustBalance(tenant, invoice.customerId(), finalization.credited());
            transactions.recordAdjustment(tenant, invoice.id(), invoice.customerId(), finalization.credited(),
                    "Invoice " + invoice.number() + " credited to the customer's balance");
        }
    }

    /** Records an event of the invoice, as its GET returns it now. */
    private void record(Tenant tenant, String type, InvoiceRow invoice) {
        eventLog.record(tenant, type, view(invoice, invoices.lines(tenant, invoice.id())));
    }

    private @Nullable String paymentMethodFor(Tenant tenant, InvoiceRow invoice, @Nullable String requested) {
        if (requested != null) {
            PaymentMethod paymentMethod;
            try {
                paymentMethod = paymentMethods.get(tenant, requested);
            } catch (ApiProblem missing) {
                throw ApiProblem.badRequest("resource_missing", "paymentMethod", "No such payment method: '" + requested + "'.");
            }
            if (!invoice.customerKey().equals(paymentMethod.customer())) {
                throw ApiProblem.invalid("paymentMethod", "Payment method " + requested + " is not attached to the invoice's customer.");
            }
            return requested;
        }
        if (invoice.subscriptionId() != null) {
            for (SubscriptionDefaults defaults : subscriptionDefaults) {
                Optional<String> fromSubscription = defaults.defaultPaymentMethod(tenant, invoice.subscriptionId());
                if (fromSubscription.isPresent()) {
                    return fromSubscription.get();
                }
            }
        }
        return customers.findById(tenant, invoice.customerId()).map(Customer::defaultPaymentMethod).orElse(null);
    }

    private Customer customerOf(Tenant tenant, String externalKey) {
        try {
            return customers.get(tenant, externalKey);
        } catch (ApiProblem missing) {
            // Its detail, which says how customers are addressed when the key looks like an id.
            throw ApiProblem.badRequest("resource_missing", "customer", missing.detail());
        }
    }

    static Invoice view(InvoiceRow row, List<InvoiceLine> lines) {
        InvoiceTotals totals = row.totals();
        return new Invoice(row.id(), "invoice", row.number(), row.status(), row.customerKey(), row.subscriptionId(), row.currency().code(),
                Page.of(lines, false), totals.subtotal().amount(), totals.tax().amount(), totals.totalExcludingTax().amount(),
                totals.total().amount(), totals.appliedBalance().amount(), totals.amountDue().amount(), row.amountPaid(),
                row.amountRemaining(), row.attemptCount(), row.nextPaymentAttempt(), row.dueDate(), row.billingReason(),
                row.collectionMethod(), row.daysUntilDue(), row.finalizedAt(), row.paidAt(), row.voidedAt(), row.metadata(),
                row.createdAt(), row.updatedAt());
    }

    private static ApiProblem notFound(String id) {
        return ApiProblem.notFound("invoice", id);
    }

    private static ApiProblem invalidState(InvoiceRow invoice, String verb) {
        return ApiProblem.conflict("invalid_state", "Invoice " + invoice.id() + " is " + invoice.status().value() + " and cannot be " + verb + ".");
    }

    private static ApiProblem paymentInProgress(String id) {
        return ApiProblem.conflict("payment_in_progress", "A payment of invoice " + id + " is under way; its outcome will settle the invoice.");
    }
}
