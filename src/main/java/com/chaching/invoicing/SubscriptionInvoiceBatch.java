package com.chaching.invoicing;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerService;
import com.chaching.events.EventLog;
import com.chaching.events.EventLog.Recorded;
import com.chaching.payments.ChargeOutcome;
import com.chaching.payments.TransactionService;
import com.chaching.platform.AccountClock;
import com.chaching.platform.Money;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxCalculator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A bill run's invoices (architecture.md "Volume"): a batch of subscriptions' invoices made, finalized and put
 * to payment in the caller's transaction with a few statements per batch rather than a few per invoice; then
 * their charges sent concurrently with no transaction open; then the outcomes settled together. The rules are
 * the ones an invoice made on its own follows ({@link InvoiceLines}, {@link InvoiceTotals}, {@link Finalization},
 * the payment protocol of {@link InvoiceService#collect}), so both ways give the same invoices; the batch only
 * saves round trips. The account's numbers are taken as one block, after every other lock, so that the
 * counter is held for the few statements left before the commit.
 */
@Service
public class SubscriptionInvoiceBatch {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionInvoiceBatch.class);
    /** How many charges of a batch are at the gateway at once: each holds a connection while the sandbox records it. */
    private static final int CONCURRENT_CHARGES = 16;

    private final InvoiceRepository invoices;
    private final InvoiceLines lines;
    private final InvoiceService service;
    private final CustomerService customers;
    private final TransactionService transactions;
    private final AccountClock clocks;
    private final EventLog eventLog;
    private final ApplicationEventPublisher events;

    SubscriptionInvoiceBatch(InvoiceRepository invoices, InvoiceLines lines, InvoiceService service, CustomerService customers,
                             TransactionService transactions, AccountClock clocks, EventLog eventLog, ApplicationEventPublisher events) {
        this.invoices = invoices;
        this.lines = lines;
        this.service = service;
        this.customers = customers;
        this.transactions = transactions;
        this.clocks = clocks;
        this.eventLog = eventLog;
        this.events = events;
    }

    /** What an issued invoice still needs once the batch commits. */
    public sealed interface Collection permits Charging, NoPaymentMethod {

        String invoiceId();

        String subscriptionId();
    }

    /** Its charge is recorded pending at {@code transactionId}: the gateway is next. */
    public record Charging(String invoiceId, String subscriptionId, String transactionId) implements Collection {
    }

    /** It was to be charged, but neither the subscription nor the customer has a payment method: its attempt failed. */
    public record NoPaymentMethod(String invoiceId, String subscriptionId) implements Collection {
    }

    /** A charge and what the gateway answered. */
    public record Sent(Charging charging, ChargeOutcome outcome) {
    }

    /**
     * Makes, finalizes and starts paying the invoices, in the caller's transaction, which holds their subscriptions'
     * locks: step 1 of the payment protocol for every invoice to charge. An invoice with nothing to pay is paid at
     * once, and {@link InvoicePaid} tells it, as it does for one made on its own. Returns what is left to do after
     * commit, in the order of {@code requests}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Collection> issue(Tenant tenant, List<SubscriptionInvoice> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        Instant now = clocks.now(tenant);
        List<String> customerIds = requests.stream().map(SubscriptionInvoice::customerId).distinct().toList();
        Map<String, Customer> owners = customers.findByIds(tenant, customerIds);
        Map<String, TaxCalculator.Rate> rates = new HashMap<>();
        List<InvoiceRow> drafts = new ArrayList<>(requests.size());
        Map<String, List<InvoiceLine>> linesByInvoice = new HashMap<>();
        for (SubscriptionInvoice request : requests) {
            Customer customer = Objects.requireNonNull(owners.get(request.customerId()), request.customerId());
            List<InvoiceLine> invoiceLines = lines.ofSubscription(tenant, request.currency(), request.lines(), request.taxRateIds(), rates);
            linesByInvoice.put(request.invoiceId(), invoiceLines);
            drafts.add(InvoiceService.draftFor(request, customer, invoiceLines, now));
        }
        // The balances before the numbers: the order an invoice finalized on its own takes them in.
        Map<String, CustomerService.Balance> balances = new HashMap<>(customers.lockBalances(tenant, customerIds));
        List<Finalization> finalizations = new ArrayList<>(requests.size());
        List<InvoiceRow> written = new ArrayList<>(requests.size());
        List<TransactionService.ChargeRequest> charges = new ArrayList<>();
        List<Integer> chargedRequests = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            SubscriptionInvoice request = requests.get(i);
            InvoiceRow draft = drafts.get(i);
            CustomerService.Balance balance = Objects.requireNonNull(balances.get(draft.customerId()));
            // Numbered below, once everything else is written.
            Finalization finalization = Finalization.of(draft, balance, null, now);
            balances.put(draft.customerId(), finalization.balanceAfter(balance));
            finalizations.add(finalization);
            InvoiceRow invoice = finalization.invoice();
            String paymentMethod = paymentMethodOf(request, owners.get(draft.customerId()));
            if (!finalization.paidAtOnce() && invoice.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY && paymentMethod != null) {
                invoice = invoice.attemptStarted(1, now);
                charges.add(new TransactionService.ChargeRequest(invoice.id(), invoice.customerId(), paymentMethod,
                        Money.of(invoice.amountRemaining(), invoice.currency()), invoice.id() + "-attempt-1"));
                chargedRequests.add(i);
            }
            written.add(invoice);
        }
        invoices.insertAll(tenant, written.stream().map(InvoiceRow::awaitingNumber).toList(), linesByInvoice);
        List<String> transactionIds = transactions.beginCharges(tenant, charges);
        // A draft has no number yet: its event can go before the numbers are taken.
        eventLog.recordAll(tenant, drafts.stream().map(draft -> Recorded.of("invoice.created",
                InvoiceService.view(draft, linesByInvoice.get(draft.id())))).toList());

        // The account's numbers last: the counter's lock is held from here to the commit, for a few statements.
        String prefix = service.prefix(tenant);
        long firstNumber = invoices.nextNumbers(tenant, requests.size());
        List<String> numbers = new ArrayList<>(requests.size());
        List<InvoiceRow> numbered = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            numbers.add(InvoiceService.number(prefix, firstNumber + i));
            numbered.add(written.get(i).withNumber(numbers.get(i)));
        }
        invoices.setNumbers(tenant, numbered);

        List<Recorded> recorded = new ArrayList<>();
        List<InvoiceRow> paidAtOnce = new ArrayList<>();
        // By request: what each still needs after commit, if anything.
        Collection[] toCollect = new Collection[requests.size()];
        for (int c = 0; c < charges.size(); c++) {
            int i = chargedRequests.get(c);
            toCollect[i] = new Charging(charges.get(c).invoiceId(), requests.get(i).subscriptionId(), transactionIds.get(c));
        }
        for (int i = 0; i < requests.size(); i++) {
            InvoiceRow draft = drafts.get(i);
            List<InvoiceLine> invoiceLines = linesByInvoice.get(draft.id());
            Finalization finalization = finalizations.get(i).numbered(numbers.get(i));
            if (!finalization.creditApplied().isZero() || !finalization.credited().isZero()) {
                service.moveBalance(tenant, finalization);
            }
            InvoiceRow invoice = finalization.invoice();
            recorded.add(Recorded.of("invoice.finalized", InvoiceService.view(invoice, invoiceLines)));
            if (finalization.paidAtOnce()) {
                recorded.add(Recorded.of("invoice.paid", InvoiceService.view(invoice, invoiceLines)));
                paidAtOnce.add(invoice);
            } else if (invoice.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY && toCollect[i] == null) {
                // As InvoiceService#startAttempt: an attempt that finds nothing to charge failed too.
                recorded.add(Recorded.of("invoice.payment_failed", InvoiceService.view(invoice, invoiceLines)));
                toCollect[i] = new NoPaymentMethod(invoice.id(), requests.get(i).subscriptionId());
            }
        }
        eventLog.recordAll(tenant, recorded);
        // Told once every row is written, as finalizing one invoice does: a listener finds the invoice paid.
        for (InvoiceRow paid : paidAtOnce) {
            events.publishEvent(new InvoicePaid(tenant, paid.id(), paid.subscriptionId()));
        }
        return Arrays.stream(toCollect).filter(Objects::nonNull).toList();
    }

    /** As {@link InvoiceService}'s payment step: the subscription's default payment method, else the customer's. */
    private static @Nullable String paymentMethodOf(SubscriptionInvoice request, Customer customer) {
        return request.defaultPaymentMethod() != null ? request.defaultPaymentMethod() : customer.defaultPaymentMethod();
    }

    /** Step 2 for the batch: reads the charges together, then asks the gateway for each, a few at once, holding no transaction. */
    public List<Sent> send(Tenant tenant, List<Charging> charges) {
        Map<String, TransactionService.ChargeToSend> prepared = transactions.prepareCharges(tenant,
                charges.stream().map(Charging::transactionId).toList());
        Semaphore atTheGateway = new Semaphore(CONCURRENT_CHARGES);
        List<Future<ChargeOutcome>> outcomes = new ArrayList<>(charges.size());
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Charging charging : charges) {
                outcomes.add(threads.submit(() -> {
                    TransactionService.ChargeToSend charge = prepared.get(charging.transactionId());
                    if (charge == null) {
                        throw new IllegalStateException("the payment method of " + charging.transactionId() + " is gone");
                    }
                    atTheGateway.acquire();
                    try {
                        return transactions.send(tenant, charge);
                    } finally {
                        atTheGateway.release();
                    }
                }));
            }
        }
        List<Sent> sent = new ArrayList<>(charges.size());
        for (int i = 0; i < charges.size(); i++) {
            sent.add(new Sent(charges.get(i), outcome(charges.get(i), outcomes.get(i))));
        }
        return sent;
    }

    /**
     * Step 3 for the batch, in the caller's transaction: records the outcomes together, and the invoices and their
     * subscriptions follow together ({@link InvoiceService#onChargesSettled}); unknown outcomes stay pending.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void settle(Tenant tenant, List<Sent> sent) {
        Map<String, ChargeOutcome> outcomes = new HashMap<>();
        sent.forEach(one -> outcomes.put(one.charging().transactionId(), one.outcome()));
        transactions.settleCharges(tenant, outcomes);
    }

    /** A charge whose sending failed on our side has no known outcome: it stays pending, for the reconciler. */
    private static ChargeOutcome outcome(Charging charging, Future<ChargeOutcome> future) {
        try {
            return future.get();
        } catch (Exception e) {
            log.warn("sending charge {} failed; the reconciler settles it", charging.transactionId(), e);
            return new ChargeOutcome.Unknown(String.valueOf(e.getMessage()));
        }
    }
}
