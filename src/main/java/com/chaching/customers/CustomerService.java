package com.chaching.customers;

import com.chaching.events.EventLog;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Ids;
import com.chaching.platform.Metadata;
import com.chaching.platform.Money;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Patch;
import com.chaching.platform.Tenant;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Customers: create, read, list, search, update and delete, each scoped to the calling account. */
@Service
public class CustomerService {

    private final CustomerRepository customers;
    private final AccountClock clocks;
    private final PaymentMethodOwnership paymentMethods;
    private final ApplicationEventPublisher events;
    private final EventLog eventLog;

    CustomerService(CustomerRepository customers, AccountClock clocks, PaymentMethodOwnership paymentMethods,
                    ApplicationEventPublisher events, EventLog eventLog) {
        this.customers = customers;
        this.clocks = clocks;
        this.paymentMethods = paymentMethods;
        this.events = events;
        this.eventLog = eventLog;
    }

    @Transactional
    public Customer create(Tenant tenant, CustomerCreate request) {
        if (CustomerRules.RESERVED_KEY.equals(request.externalKey())) {
            throw ApiProblem.invalid("externalKey", "externalKey \"search\" is reserved.");
        }
        Instant now = clocks.now(tenant);
        String id = Ids.newId("cus");
        Customer customer = new Customer(id, "customer",
                request.externalKey() != null ? request.externalKey() : id,
                Patch.emptyToNull(request.name()), Patch.emptyToNull(request.email()), Patch.emptyToNull(request.phone()),
                request.address() == null ? null : request.address().normalized(),
                Metadata.forCreate(request.metadata()), null, 0, null, now, now);
        if (!customers.insert(tenant, customer)) {
            throw ApiProblem.alreadyExists("externalKey",
                    "A customer with externalKey '" + customer.externalKey() + "' already exists (or existed) in this account.");
        }
        eventLog.record(tenant, "customer.created", customer);
        return customer;
    }

    /** The live customer with this external key; 404 when there is none in this account. One query: no transaction needed. */
    public Customer get(Tenant tenant, String externalKey) {
        return customers.findByExternalKey(tenant, externalKey).orElseThrow(() -> notFound(externalKey));
    }

    @Transactional(readOnly = true)
    public Page<Customer> list(Tenant tenant, CustomerFilter filter, PageRequest page) {
        return customers.list(tenant, filter, page);
    }

    @Transactional(readOnly = true)
    public Page<Customer> search(Tenant tenant, String query, PageRequest page) {
        return customers.search(tenant, query, page);
    }

    @Transactional
    public Customer update(Tenant tenant, String externalKey, CustomerUpdate changes) {
        Customer current = customers.lockByExternalKey(tenant, externalKey).orElseThrow(() -> notFound(externalKey));
        if (changes.externalKey() != null && !changes.externalKey().equals(current.externalKey())) {
            throw ApiProblem.badRequest("parameter_immutable", "externalKey", "externalKey cannot be changed.");
        }
        Map<String, String> metadata = Metadata.update(current.metadata(), changes.metadata());
        String defaultPaymentMethod = Patch.text(current.defaultPaymentMethod(), changes.defaultPaymentMethod());
        if (changes.defaultPaymentMethod() != null && defaultPaymentMethod != null
                && !paymentMethods.isAttached(tenant, defaultPaymentMethod, current.id())) {
            throw ApiProblem.invalid("defaultPaymentMethod",
                    "Payment method " + defaultPaymentMethod + " is not attached to this customer; attach it first.");
        }
        Customer updated = new Customer(current.id(), current.object(), current.externalKey(),
                Patch.text(current.name(), changes.name()),
                Patch.text(current.email(), changes.email()),
                Patch.text(current.phone(), changes.phone()),
                changes.address() != null ? changes.address().normalized() : current.address(),
                metadata, defaultPaymentMethod, current.balance(), current.balanceCurrency(), current.createdAt(), clocks.now(tenant));
        customers.update(tenant, updated);
        eventLog.recordUpdate(tenant, "customer.updated", current, updated);
        return updated;
    }

    /**
     * Deletes the customer from the API's view: it is answered 404 from now on and its key stays taken,
     * while the invoices and transactions that name it stay readable.
     */
    @Transactional
    DeletedCustomer delete(Tenant tenant, String externalKey) {
        Customer customer = customers.lockByExternalKey(tenant, externalKey).orElseThrow(() -> notFound(externalKey));
        customers.markDeleted(tenant, customer.id(), clocks.now(tenant));
        events.publishEvent(new CustomerDeleted(tenant, customer.id()));
        eventLog.record(tenant, "customer.deleted", customer);
        return DeletedCustomer.of(customer);
    }

    /** The live customer with this external key, locked for the caller's transaction (against a concurrent delete). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Customer lock(Tenant tenant, String externalKey) {
        return customers.lockByExternalKey(tenant, externalKey).orElseThrow(() -> notFound(externalKey));
    }

    /** The customer with this id (not external key), deleted or not: what a payment or an invoice names. */
    public Optional<Customer> findById(Tenant tenant, String customerId) {
        return customers.findById(tenant, customerId);
    }

    /** The customers with these ids, deleted or not, by id. */
    public Map<String, Customer> findByIds(Tenant tenant, Collection<String> customerIds) {
        return customers.findByIds(tenant, customerIds);
    }

    /** {@link #lockBalance} for several customers at once, by id. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Balance> lockBalances(Tenant tenant, Collection<String> customerIds) {
        return customers.lockBalances(tenant, customerIds);
    }

    /** The customer's balance (negative is credit) in its currency, locked for the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Balance lockBalance(Tenant tenant, String customerId) {
        return customers.lockBalance(tenant, customerId);
    }

    /** A customer's balance: negative is credit. {@code currency} is null until the balance was first moved. */
    public record Balance(long amount, @Nullable String currency) {

        /** Whether a movement in {@code currency} may change this balance: it is in that currency, or empty. */
        public boolean accepts(String other) {
            return amount == 0 || other.equals(currency);
        }
    }

    /**
     * Moves the customer's balance by {@code delta} (negative grants credit), in the caller's transaction. The
     * caller checks {@link Balance#accepts} first: a balance holds one currency.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void adjustBalance(Tenant tenant, String customerId, Money delta) {
        Balance balance = customers.lockBalance(tenant, customerId);
        if (!balance.accepts(delta.currency().code())) {
            throw new IllegalStateException("balance in " + balance.currency() + " moved in " + delta.currency());
        }
        customers.adjustBalance(tenant, customerId, delta.amount(), delta.currency().code(), clocks.now(tenant));
    }

    /** Forgets the customer's default payment method when it is that one (it was detached). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void clearDefaultPaymentMethod(Tenant tenant, String customerId, String paymentMethodId) {
        customers.clearDefaultPaymentMethod(tenant, customerId, paymentMethodId, clocks.now(tenant));
    }

    /**
     * A key shaped like an id (cus_…) that matches no externalKey was most likely an id: the answer says how
     * customers are addressed. It depends on the key's shape only, never on whether such an id exists in any
     * account, so it tells nothing about other accounts.
     */
    private static ApiProblem notFound(String externalKey) {
        if (externalKey.startsWith(CustomerRules.ID_PREFIX)) {
            return ApiProblem.notFound("customer", externalKey, "Customers are addressed by their externalKey, not by their id.");
        }
        return ApiProblem.notFound("customer", externalKey);
    }
}
