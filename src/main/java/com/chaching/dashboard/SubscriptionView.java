package com.chaching.dashboard;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.ProductService;
import com.chaching.customers.CustomerService;
import com.chaching.events.Event;
import com.chaching.events.EventService;
import com.chaching.invoicing.InvoiceFilter;
import com.chaching.invoicing.InvoiceService;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Money;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.ProrationPreview;
import com.chaching.subscriptions.Subscription;
import com.chaching.subscriptions.SubscriptionItem;
import com.chaching.subscriptions.SubscriptionService;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the subscriptions pages show of a subscription, read through the modules' services: its items with
 * their prices and products, what it bills per period, and — on its own page — its latest invoices, its
 * payment method and its status history from its events. Shared by the page and by its actions, which show
 * the page again, with the refusal in place, when the service refuses them.
 */
@Component
class SubscriptionView {

    /** How many of the subscription's invoices its page shows: the latest ones. */
    static final int LATEST_INVOICES = 5;
    /** How many of its events the history shows: the latest ones. */
    static final int HISTORY = 25;

    /** An item as the pages show it: its price's amount and product, and what it bills per period. */
    record PricedItem(String id, String price, String productName, String unitAmount, long quantity, String amount) {
    }

    /** A subscription with its items priced, and the sum they bill each period. */
    record Priced(Subscription subscription, List<PricedItem> items, String periodAmount) {
    }

    /** One event of the history: when, what, and the status it changed from and to (null when it kept it). */
    record HistoryEntry(Instant at, String type, @Nullable String from, @Nullable String to) {
    }

    /** What the page's forms show besides the subscription: a refusal, a field's error with what was typed, a preview. */
    record Forms(@Nullable String refusal, Map<String, String> errors, Map<String, String> typed, @Nullable ProrationPreview preview,
                 @Nullable String previewItem, long previewQuantity) {

        static Forms none() {
            return new Forms(null, Map.of(), Map.of(), null, null, 0);
        }
    }

    private final SubscriptionService subscriptions;
    private final PriceService prices;
    private final ProductService products;
    private final InvoiceService invoices;
    private final PaymentMethodService paymentMethods;
    private final CustomerService customers;
    private final EventService events;
    private final DashboardFormat format;

    SubscriptionView(SubscriptionService subscriptions, PriceService prices, ProductService products, InvoiceService invoices,
                     PaymentMethodService paymentMethods, CustomerService customers, EventService events, DashboardFormat format) {
        this.subscriptions = subscriptions;
        this.prices = prices;
        this.products = products;
        this.invoices = invoices;
        this.paymentMethods = paymentMethods;
        this.customers = customers;
        this.events = events;
        this.format = format;
    }

    /** A page of subscriptions priced; a price (and its product) read once however many rows share it. */
    List<Priced> priced(Tenant tenant, List<Subscription> page) {
        Map<String, Price> priceById = new HashMap<>();
        Map<String, String> productNames = new HashMap<>();
        return page.stream().map(subscription -> priced(tenant, subscription, priceById, productNames)).toList();
    }

    /** The subscription's page: fills the model and names the template. Another account's id is the 404 page. */
    String page(Tenant tenant, String id, Forms forms, Model model) {
        Subscription subscription = subscriptions.get(tenant, id);
        model.addAttribute("priced", priced(tenant, subscription, new HashMap<>(), new HashMap<>()));
        model.addAttribute("paymentMethod", paymentMethod(tenant, subscription));
        model.addAttribute("invoices", invoices.list(tenant, new InvoiceFilter(null, null, id, null, null),
                new PageRequest(LATEST_INVOICES, null, null)).data());
        model.addAttribute("history", events.listForSubscription(tenant, subscription.customer(), id, new PageRequest(HISTORY, null, null))
                .data().stream().map(SubscriptionView::historyEntry).toList());
        model.addAttribute("forms", forms);
        return "dashboard/subscriptions/subscription";
    }

    private Priced priced(Tenant tenant, Subscription subscription, Map<String, Price> priceById, Map<String, String> productNames) {
        Money perPeriod = null;
        List<PricedItem> items = new ArrayList<>();
        for (SubscriptionItem item : subscription.items().data()) {
            Price price = priceById.computeIfAbsent(item.price(), priceId -> prices.get(tenant, priceId));
            String productName = productNames.computeIfAbsent(price.product(), productId -> products.get(tenant, productId).name());
            Money amount = price.unitPrice().times(item.quantity());
            perPeriod = perPeriod == null ? amount : perPeriod.plus(amount);
            items.add(new PricedItem(item.id(), price.id(), productName, money(price.unitPrice()) + interval(price), item.quantity(),
                    money(amount)));
        }
        return new Priced(subscription, items, perPeriod == null ? "—" : money(perPeriod));
    }

    /** The card the subscription is charged on: its own, or else the customer's default. */
    private String paymentMethod(Tenant tenant, Subscription subscription) {
        String own = subscription.defaultPaymentMethod();
        String id = own != null ? own : customers.get(tenant, subscription.customer()).defaultPaymentMethod();
        if (id == null) {
            return "None: the customer has no default card";
        }
        String card;
        try {
            PaymentMethod method = paymentMethods.get(tenant, id);
            card = method.card().brand().value() + " •••• " + method.card().last4();
        } catch (ApiProblem gone) {
            card = id;
        }
        return own != null ? card : card + " (the customer's default)";
    }

    private static HistoryEntry historyEntry(Event event) {
        String to = event.data().object() instanceof Map<?, ?> object && object.get("status") != null ? object.get("status").toString() : null;
        Map<String, Object> previous = event.data().previousAttributes();
        if (previous != null && previous.containsKey("status")) {
            Object from = previous.get("status");
            return new HistoryEntry(event.createdAt(), event.type(), from == null ? null : from.toString(), to);
        }
        // created: the status it started in; other events leave the status as it was.
        return new HistoryEntry(event.createdAt(), event.type(), null, event.type().equals("subscription.created") ? to : null);
    }

    private String money(Money amount) {
        return format.money(amount.amount(), amount.currency().code());
    }

    private static String interval(Price price) {
        if (price.recurring() == null) {
            return "";
        }
        int count = price.recurring().count();
        String unit = price.recurring().interval().value();
        return count == 1 ? " / " + unit : " / " + count + " " + unit + "s";
    }
}
