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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;
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
        Drafts drafts = drafts(tenant, requests, now);
        Finalized finalized = finalizeAndStartCharges(tenant, requests, drafts, now);
        // A draft has no number yet: its event can go before the numbers are taken.
        eventLog.recordAll(tenant, drafts.rows().stream().map(draft -> Recorded.of("invoice.created",
                InvoiceService.view(draft, drafts.lines().get(draft.id())))).toList());

        // The account's numbers last: the counter's lock is held from here to the commit, for a few statements.
        // The invoices are written here, once, numbered, rather than written before and numbered by an update.
        String prefix = service.prefix(tenant);
        long firstNumber = invoices.nextNumbers(tenant, requests.size());
        List<String> numbers = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            numbers.add(InvoiceService.number(prefix, firstNumber + i));
        }
        invoices.insertAll(tenant, IntStream.range(0, requests.size())
                .mapToObj(i -> finalized.written().get(i).withNumber(numbers.get(i))).toList(), drafts.lines());
        return recordAndTell(tenant, requests, drafts, finalized, numbers);
    }

    /** The drafts of a batch's invoices, with their lines (each tax rate read once) and their customers. */
    private record Drafts(List<InvoiceRow> rows, Map<String, List<InvoiceLine>> lines, Map<String, Customer> owners,
                          List<String> customerIds) {
    }

    private Drafts drafts(Tenant tenant, List<SubscriptionInvoice> requests, Instant now) {
        List<String> customerIds = requests.stream().map(SubscriptionInvoice::customerId).distinct().toList();
        Map<String, Customer> owners = customers.findByIds(tenant, customerIds);
        Map<String, TaxCalculator.Rate> rates = new HashMap<>();
        List<InvoiceRow> rows = new ArrayList<>(requests.size());
        Map<String, List<InvoiceLine>> linesByInvoice = new HashMap<>();
        for (SubscriptionInvoice request : requests) {
            Customer customer = Objects.requireNonNull(owners.get(request.customerId()), request.customerId());
            List<InvoiceLine> invoiceLines = lines.ofSubscription(tenant, request.currency(), request.lines(), request.taxRateIds(), rates);
            linesByInvoice.put(request.invoiceId(), invoiceLines);
            rows.add(InvoiceService.draftFor(request, customer, invoiceLines, now));
        }
        return new Drafts(rows, linesByInvoice, owners, customerIds);
    }

    /** What finalizing decided for each invoice (but its number), the rows as written, and the charges begun, by request. */
    private record Finalized(List<Finalization> finalizations, List<InvoiceRow> written, Map<Integer, String> chargeOf) {
    }

    /**
     * Finalizes each draft but for its number (the customers' balances locked, a customer's invoices using its credit
     * in turn), and records the charge of each one to charge: step 1 of paying. The invoices are written once numbered.
     */
    private Finalized finalizeAndStartCharges(Tenant tenant, List<SubscriptionInvoice> requests, Drafts drafts, Instant now) {
        // The balances before the numbers: the order an invoice finalized on its own takes them in.
        Map<String, CustomerService.Balance> balances = new HashMap<>(customers.lockBalances(tenant, drafts.customerIds()));
        List<Finalization> finalizations = new ArrayList<>(requests.size());
        List<InvoiceRow> written = new ArrayList<>(requests.size());
        List<TransactionService.ChargeRequest> charges = new ArrayList<>();
        List<Integer> charged = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            InvoiceRow draft = drafts.rows().get(i);
            CustomerService.Balance balance = Objects.requireNonNull(balances.get(draft.customerId()));
            Finalization finalization = Finalization.of(draft, balance, null, now);
            balances.put(draft.customerId(), finalization.balanceAfter(balance));
            finalizations.add(finalization);
            InvoiceRow invoice = finalization.invoice();
            String paymentMethod = paymentMethodOf(requests.get(i), drafts.owners().get(draft.customerId()));
            if (!finalization.paidAtOnce() && invoice.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY && paymentMethod != null) {
                invoice = invoice.attemptStarted(1, now);
                charges.add(new TransactionService.ChargeRequest(invoice.id(), invoice.customerId(), paymentMethod,
                        Money.of(invoice.amountRemaining(), invoice.currency()), invoice.id() + "-attempt-1"));
                charged.add(i);
            }
            written.add(invoice);
        }
        List<String> transactionIds = transactions.beginCharges(tenant, charges);
        Map<Integer, String> chargeOf = new HashMap<>();
        for (int c = 0; c < charged.size(); c++) {
            chargeOf.put(charged.get(c), transactionIds.get(c));
        }
        return new Finalized(finalizations, written, chargeOf);
    }

    /**
     * Once numbered: the credit moved, each invoice's events (finalized, and paid at once or its attempt failed
     * for want of a payment method), and {@link InvoicePaid} told; returns what each still needs after commit.
     */
    private List<Collection> recordAndTell(Tenant tenant, List<SubscriptionInvoice> requests, Drafts drafts, Finalized finalized,
                                           List<String> numbers) {
        List<Recorded> recorded = new ArrayList<>();
        List<InvoiceRow> paidAtOnce = new ArrayList<>();
        List<Collection> toCollect = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            Finalization finalization = finalized.finalizations().get(i).numbered(numbers.get(i));
            if (!finalization.creditApplied().isZero() || !finalization.credited().isZero()) {
                service.moveBalance(tenant, finalization);
            }
            InvoiceRow invoice = finalization.invoice();
            List<InvoiceLine> invoiceLines = drafts.lines().get(invoice.id());
            String subscriptionId = requests.get(i).subscriptionId();
            recorded.add(Recorded.of("invoice.finalized", InvoiceService.view(invoice, invoiceLines)));
            String chargeId = finalized.chargeOf().get(i);
            if (chargeId != null) {
                toCollect.add(new Charging(invoice.id(), subscriptionId, chargeId));
            } else if (finalization.paidAtOnce()) {
                recorded.add(Recorded.of("invoice.paid", InvoiceService.view(invoice, invoiceLines)));
                paidAtOnce.add(invoice);
            } else if (invoice.collectionMethod() == CollectionMethod.CHARGE_AUTOMATICALLY) {
                // As InvoiceService#startAttempt: an attempt that finds nothing to charge failed too.
                recorded.add(Recorded.of("invoice.payment_failed", InvoiceService.view(invoice, invoiceLines)));
                toCollect.add(new NoPaymentMethod(invoice.id(), subscriptionId));
            }
        }
        eventLog.recordAll(tenant, recorded);
        // Told once every row is written, as finalizing one invoice does: a listener finds the invoice paid.
        for (InvoiceRow paid : paidAtOnce) {
            events.publishEvent(new InvoicePaid(tenant, paid.id(), paid.subscriptionId()));
        }
        return List.copyOf(toCollect);
    }

    /** As {@link InvoiceService}'s payment step: the subscription's default payment method, else the customer's. */
    private static @Nullable String paymentMethodOf(SubscriptionInvoice request, Customer customer) {
        return request.defaultPaymentMethod() != null ? request.defaultPaymentMethod() : customer.defaultPaymentMethod();
    }

    /** Step 2 for the batch: reads the charges together, then asks the gateway for them together, holding no transaction. */
    public List<Sent> send(Tenant tenant, List<Charging> charges) {
        Map<String, TransactionService.ChargeToSend> prepared = transactions.prepareCharges(tenant,
                charges.stream().map(Charging::transactionId).toList());
        Map<String, ChargeOutcome> outcomes = transactions.sendAll(tenant, charges.stream()
                .map(charging -> prepared.get(charging.transactionId())).filter(Objects::nonNull).toList());
        List<Sent> sent = new ArrayList<>(charges.size());
        for (Charging charging : charges) {
            ChargeOutcome outcome = outcomes.get(charging.transactionId());
            if (outcome == null) {
                log.warn("the payment method of charge {} is gone; the reconciler settles it", charging.transactionId());
                outcome = new ChargeOutcome.Unknown("the payment method of " + charging.transactionId() + " is gone");
            }
            sent.add(new Sent(charging, outcome));
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
}
