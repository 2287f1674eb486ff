package com.chaching.payments;

import com.chaching.accounts.AccountService;
import com.chaching.customers.Customer;
import com.chaching.customers.CustomerDeleted;
import com.chaching.customers.CustomerService;
import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Payment methods: create (through the gateway), read, list, attach to a customer and detach. */
@Service
public class PaymentMethodService {

    /** An expiry further out than this is a typo, not a card. */
    private static final int MAX_YEARS_AHEAD = 50;

    private final PaymentMethodRepository paymentMethods;
    private final CustomerService customers;
    private final PaymentGateways gateways;
    private final AccountClock clocks;
    private final ApplicationEventPublisher events;
    private final AccountService accounts;
    private final EventLog eventLog;
    private final TransactionTemplate inTransaction;

    PaymentMethodService(PaymentMethodRepository paymentMethods, CustomerService customers, PaymentGateways gateways,
                         AccountClock clocks, ApplicationEventPublisher events, AccountService accounts, EventLog eventLog,
                         TransactionTemplate inTransaction) {
        this.paymentMethods = paymentMethods;
        this.customers = customers;
        this.gateways = gateways;
        this.clocks = clocks;
        this.events = events;
        this.accounts = accounts;
        this.eventLog = eventLog;
        this.inTransaction = inTransaction;
    }

    /**
     * Stores a card: a sandbox account's by number, checked and handed to the gateway for a token; a live
     * account's by the gateway token its buyer's browser made, read back from the gateway. A request the
     * account cannot take is refused before anything is sent or stored. No transaction is held open across
     * the gateway call; the insert after it is one statement. No event: as at Stripe, a payment method that
     * belongs to no customer is news to nobody (events.md has no payment_method.created); its attach is.
     */
    public PaymentMethod create(Tenant tenant, PaymentMethodCreate request) {
        CardToken token = tenant.livemode() ? adoptedCard(tenant, request) : tokenizedCard(tenant, request);
        Instant now = clocks.now(tenant);
        PaymentMethod paymentMethod = new PaymentMethod(Ids.newId("pm"), "payment_method", "card",
                new PaymentMethod.Card(token.brand(), token.last4(), token.expMonth(), token.expYear(), token.funding(), token.country()),
                request.billingDetails(), null, Metadata.forCreate(request.metadata()), now, now);
        paymentMethods.insert(tenant, paymentMethod, token.token());
        return paymentMethod;
    }

    private CardToken tokenizedCard(Tenant tenant, PaymentMethodCreate request) {
        if (request.gatewayToken() != null) {
            throw ApiProblem.badRequest("gateway_token_unsupported", "gatewayToken",
                    "Sandbox accounts take a test card by its number (card); gatewayToken is for live accounts.");
        }
        if (request.card() == null) {
            throw ApiProblem.missing("card");
        }
        ZoneId zone = ZoneId.of(accounts.get(tenant).timeZone());
        CardDetails card = checkedCard(request.card(), YearMonth.from(clocks.now(tenant).atZone(zone)));
        return gateways.of(tenant).tokenize(tenant, card);
    }

    private CardToken adoptedCard(Tenant tenant, PaymentMethodCreate request) {
        if (request.card() != null) {
            throw ApiProblem.badRequest("raw_card_data_unsupported", "card.number",
                    "Live accounts do not accept raw card numbers: collect cards with Stripe.js and send its PaymentMethod id as gatewayToken.");
        }
        if (request.gatewayToken() == null) {
            throw ApiProblem.missing("gatewayToken");
        }
        return gateways.of(tenant).adopt(tenant, request.gatewayToken());
    }

    /** The payment method with this id in the account; 404 otherwise. */
    public PaymentMethod get(Tenant tenant, String id) {
        return stored(tenant, id).paymentMethod();
    }

    @Transactional(readOnly = true)
    Page<PaymentMethod> list(Tenant tenant, PaymentMethodFilter filter, PageRequest page) {
        String customerId = filter.customer() == null ? null : customers.get(tenant, filter.customer()).id();
        return paymentMethods.list(tenant, customerId, filter.type(), page);
    }

    @Transactional(readOnly = true)
    public Page<PaymentMethod> listForCustomer(Tenant tenant, String externalKey, @Nullable String type, PageRequest page) {
        return paymentMethods.list(tenant, customers.get(tenant, externalKey).id(), type, page);
    }

    /** One of the customer's payment methods; 404 also when it exists but belongs to someone else. */
    @Transactional(readOnly = true)
    PaymentMethod getForCustomer(Tenant tenant, String externalKey, String id) {
        Customer customer = customers.get(tenant, externalKey);
        PaymentMethodRepository.Stored stored = stored(tenant, id);
        if (!customer.id().equals(stored.customerId())) {
            throw ApiProblem.notFound("payment method", id);
        }
        return stored.paymentMethod();
    }

    /**
     * Attaches to the customer; again to the same one changes nothing; to another one is a 409. The gateway
     * is told first, with no transaction of ours open (decisions.md (ac)): a live card must be attached to
     * the customer's mirror at Stripe before it can be charged off-session. Telling it twice is harmless, so
     * a race between two attaches is decided here, under the row's lock, as before.
     */
    public PaymentMethod attach(Tenant tenant, String id, AttachRequest request) {
        PaymentMethodRepository.Stored stored = stored(tenant, id);
        Customer customer = customers.get(tenant, Objects.requireNonNull(request.customer()));
        if (stored.customerId() == null) {
            gateways.of(tenant).attach(tenant, stored.gatewayToken(), customer);
        }
        return Objects.requireNonNull(inTransaction.execute(status -> attachInTransaction(tenant, id, request)));
    }

    private PaymentMethod attachInTransaction(Tenant tenant, String id, AttachRequest request) {
        PaymentMethodRepository.Stored stored = paymentMethods.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("payment method", id));
        Customer customer = customers.lock(tenant, Objects.requireNonNull(request.customer()));
        if (customer.id().equals(stored.customerId())) {
            return stored.paymentMethod();
        }
        if (stored.customerId() != null) {
            throw ApiProblem.conflict("invalid_state", "Payment method " + id + " is attached to another customer; detach it first.");
        }
        paymentMethods.setCustomer(tenant, id, customer.id(), clocks.now(tenant));
        PaymentMethod attached = get(tenant, id);
        eventLog.record(tenant, "payment_method.attached", attached);
        return attached;
    }

    /** Detaches from its customer, who then no longer has it as default; a 409 when it is not attached. */
    @Transactional
    PaymentMethod detach(Tenant tenant, String id) {
        PaymentMethodRepository.Stored stored = paymentMethods.lock(tenant, id).orElseThrow(() -> ApiProblem.notFound("payment method", id));
        String customerId = stored.customerId();
        if (customerId == null) {
            throw ApiProblem.conflict("invalid_state", "Payment method " + id + " is not attached to a customer.");
        }
        paymentMethods.setCustomer(tenant, id, null, clocks.now(tenant));
        customers.clearDefaultPaymentMethod(tenant, customerId, id);
        events.publishEvent(new PaymentMethodDetached(tenant, id, customerId));
        PaymentMethod detached = get(tenant, id);
        eventLog.record(tenant, "payment_method.detached", detached);
        return detached;
    }

    /** Deleting a customer lets go of its payment methods, in the deleting transaction. */
    @EventListener
    void detachAllOfDeletedCustomer(CustomerDeleted deleted) {
        for (String id : paymentMethods.detachAll(deleted.tenant(), deleted.customerId(), clocks.now(deleted.tenant()))) {
            events.publishEvent(new PaymentMethodDetached(deleted.tenant(), id, deleted.customerId()));
            eventLog.record(deleted.tenant(), "payment_method.detached", get(deleted.tenant(), id));
        }
    }

    private PaymentMethodRepository.Stored stored(Tenant tenant, String id) {
        return paymentMethods.find(tenant, id).orElseThrow(() -> ApiProblem.notFound("payment method", id));
    }

    /** The card's checks, every failing field at once; nothing of the number or code appears in a message. */
    private static CardDetails checkedCard(PaymentMethodCreate.CardInput input, YearMonth thisMonth) {
        List<ApiProblem.FieldProblem> problems = new ArrayList<>();
        String number = CardNumbers.normalized(Objects.requireNonNull(input.number()));
        if (!CardNumbers.isValid(number)) {
            problems.add(new ApiProblem.FieldProblem("card.number", "invalid_number", "The card number is not a valid card number."));
        }
        int month = Objects.requireNonNull(input.expMonth());
        int year = Objects.requireNonNull(input.expYear());
        if (month < 1 || month > 12) {
            problems.add(new ApiProblem.FieldProblem("card.expMonth", "invalid_expiry_month", "card.expMonth must be 1 to 12."));
        } else if (year < thisMonth.getYear() || year > thisMonth.getYear() + MAX_YEARS_AHEAD) {
            problems.add(new ApiProblem.FieldProblem("card.expYear", "invalid_expiry_year", "The card's expiry year is in the past or too far ahead."));
        } else if (YearMonth.of(year, month).isBefore(thisMonth)) {
            problems.add(new ApiProblem.FieldProblem("card.expMonth", "invalid_expiry_month", "The card has expired."));
        }
        String cvc = Objects.requireNonNull(input.cvc());
        int cvcLength = CardNumbers.isValid(number) ? CardBrand.of(number).cvcLength() : cvc.length();
        if (cvc.length() != cvcLength || cvc.length() < 3 || !cvc.chars().allMatch(c -> c >= '0' && c <= '9')) {
            problems.add(new ApiProblem.FieldProblem("card.cvc", "invalid_cvc", "The card's security code is malformed."));
        }
        if (!problems.isEmpty()) {
            throw ApiProblem.validation(problems);
        }
        return new CardDetails(number, month, year, cvc);
    }
}
