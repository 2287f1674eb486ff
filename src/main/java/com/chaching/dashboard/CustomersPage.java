package com.chaching.dashboard;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerFilter;
import com.chaching.customers.CustomerRules;
import com.chaching.customers.CustomerService;
import com.chaching.events.EventService;
import com.chaching.invoicing.InvoiceFilter;
import com.chaching.invoicing.InvoiceService;
import com.chaching.payments.PaymentMethodService;
import com.chaching.payments.TransactionFilter;
import com.chaching.payments.TransactionService;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.subscriptions.SubscriptionFilter;
import com.chaching.subscriptions.SubscriptionService;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The customers list (with search and keyset paging in the URL) and a customer's page. */
@Controller
class CustomersPage {

    /** Rows per page of the list: the API's default page size. */
    static final int PAGE_SIZE = PageRequest.DEFAULT_LIMIT;
    /** How many of each related object a customer's page shows: the latest ones. */
    static final int LATEST = 5;
    /** How many of the customer's events its page shows: the latest ones. */
    static final int RECENT_EVENTS = 10;

    private final CustomerService customers;
    private final PaymentMethodService paymentMethods;
    private final SubscriptionService subscriptions;
    private final InvoiceService invoices;
    private final TransactionService transactions;
    private final EventService events;

    CustomersPage(CustomerService customers, PaymentMethodService paymentMethods, SubscriptionService subscriptions,
                  InvoiceService invoices, TransactionService transactions, EventService events) {
        this.customers = customers;
        this.paymentMethods = paymentMethods;
        this.subscriptions = subscriptions;
        this.invoices = invoices;
        this.transactions = transactions;
        this.events = events;
    }

    @GetMapping("/dashboard/customers")
    String list(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(required = false) @Nullable String query,
                @RequestParam(required = false) @Size(max = 255) @Nullable String startingAfter,
                @RequestParam(required = false) @Size(max = 255) @Nullable String endingBefore,
                Model model) {
        String search = query == null || query.isBlank() ? null : query.strip();
        PageRequest request = new PageRequest(PAGE_SIZE, startingAfter, endingBefore);
        // The same service calls as GET /customers and GET /customers/search.
        Page<Customer> found = search == null
                ? customers.list(user.tenant(), new CustomerFilter(null, null, null), request)
                : customers.search(user.tenant(), search, request);
        model.addAttribute("customers", found.data());
        model.addAttribute("query", search == null ? "" : search);
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/dashboard/customers");
        if (search != null) {
            address.queryParam("query", search);
        }
        model.addAttribute("pager", ListPager.of(found, request, Customer::id, address));
        return "dashboard/customers/list";
    }

    @GetMapping("/dashboard/customers/{externalKey}")
    String customer(@AuthenticationPrincipal DashboardUser user,
                    @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey, Model model) {
        Customer customer = customers.get(user.tenant(), externalKey);
        PageRequest latest = new PageRequest(LATEST, null, null);
        model.addAttribute("customer", customer);
        model.addAttribute("paymentMethods", paymentMethods.listForCustomer(user.tenant(), externalKey, null, latest).data());
        model.addAttribute("subscriptions",
                subscriptions.list(user.tenant(), new SubscriptionFilter(externalKey, null, null), latest).data());
        model.addAttribute("invoices",
                invoices.list(user.tenant(), new InvoiceFilter(externalKey, null, null, null, null), latest).data());
        model.addAttribute("transactions",
                transactions.list(user.tenant(), new TransactionFilter(null, null, externalKey, null, null, null), latest).data());
        model.addAttribute("events", events.listForCustomer(user.tenant(), externalKey, new PageRequest(RECENT_EVENTS, null, null)).data());
        return "dashboard/customers/customer";
    }
}
