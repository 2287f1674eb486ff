package com.chaching.dashboard;

import com.chaching.catalog.Price;
import com.chaching.catalog.PriceFilter;
import com.chaching.catalog.PriceService;
import com.chaching.catalog.PriceType;
import com.chaching.catalog.ProductService;
import com.chaching.customers.Customer;
import com.chaching.customers.CustomerRules;
import com.chaching.customers.CustomerService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.Subscription;
import com.chaching.subscriptions.SubscriptionCreate;
import com.chaching.subscriptions.SubscriptionService;
import com.chaching.subscriptions.SubscriptionStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Subscribing a customer to a price: the same call as {@code POST /subscriptions}, which charges the
 * customer's default card at once. Bad input is a 422 with the message beside its field and nothing created;
 * a declined or missing card still creates the subscription, {@code incomplete}, as the API does — its page
 * says so.
 */
@Controller
class SubscribePage {

    /** How many active recurring prices the form offers: the API's largest page. */
    static final int PRICES = 100;

    /** A price as the form offers it. */
    record PriceChoice(String id, String label) {
    }

    /** The form as typed, and a message per failing field. */
    record SubscribeForm(String price, String quantity, Map<String, String> errors) {
    }

    private final SubscriptionService subscriptions;
    private final CustomerService customers;
    private final PriceService prices;
    private final ProductService products;
    private final Validator validator;
    private final DashboardFormat format;

    SubscribePage(SubscriptionService subscriptions, CustomerService customers, PriceService prices, ProductService products,
                  Validator validator, DashboardFormat format) {
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.prices = prices;
        this.products = products;
        this.validator = validator;
        this.format = format;
    }

    @GetMapping("/dashboard/subscriptions/new")
    String form(@AuthenticationPrincipal DashboardUser user,
                @RequestParam @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String customer, Model model) {
        return page(user.tenant(), customers.get(user.tenant(), customer), new SubscribeForm("", "1", Map.of()), model);
    }

    @PostMapping("/dashboard/subscriptions/new")
    String subscribe(@AuthenticationPrincipal DashboardUser user,
                     @RequestParam @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String customer,
                     @RequestParam(defaultValue = "") String price,
                     @RequestParam(defaultValue = "") String quantity,
                     Model model, HttpServletResponse response, RedirectAttributes flash) {
        Tenant tenant = user.tenant();
        Customer subscriber = customers.get(tenant, customer); // another account's or a missing key is the 404 page
        Map<String, String> errors = new LinkedHashMap<>();
        Long count = quantity.strip().matches("-?[0-9]{1,12}") ? Long.parseLong(quantity.strip()) : null;
        if (count == null) {
            errors.put("quantity", "Must be a whole number such as 3.");
        }
        SubscriptionCreate.ItemInput item = new SubscriptionCreate.ItemInput(price.isBlank() ? null : price, count);
        FormErrors.byField(validator.validate(item)).forEach((field, message) -> errors.putIfAbsent(field, sentence(message)));
        if (errors.isEmpty()) {
            SubscriptionCreate request = new SubscriptionCreate(subscriber.externalKey(), List.of(item), null, null, null, null, null, null,
                    null, null, null);
            FormErrors.byField(validator.validate(request)).forEach((field, message) -> errors.putIfAbsent(field, sentence(message)));
            if (errors.isEmpty()) {
                try {
                    Subscription created = subscriptions.create(tenant, request);
                    flash.addFlashAttribute("notice", created.status() == SubscriptionStatus.INCOMPLETE
                            ? "Subscription created, but its first payment failed: it is incomplete until its invoice is paid."
                            : "Subscription created: " + created.status().value() + ".");
                    return "redirect:/dashboard/subscriptions/" + UriUtils.encodePathSegment(created.id(), StandardCharsets.UTF_8);
                } catch (ApiProblem problem) {
                    if (problem.status() == HttpStatus.NOT_FOUND) {
                        throw problem;
                    }
                    // items[0].price → price, items[0].quantity → quantity; anything else above the form.
                    String param = problem.param() == null ? "form" : problem.param().replaceFirst("^items\\[0]\\.", "");
                    errors.put(param.equals("price") || param.equals("quantity") ? param : "form", problem.detail());
                }
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(tenant, subscriber, new SubscribeForm(price, quantity, errors), model);
    }

    private String page(Tenant tenant, Customer customer, SubscribeForm form, Model model) {
        // The same call as GET /prices?active=true&type=recurring; each product's name read once.
        List<Price> recurring = prices.list(tenant, new PriceFilter(null, true, PriceType.RECURRING, null, null),
                new PageRequest(PRICES, null, null)).data();
        Map<String, String> productNames = new HashMap<>();
        List<PriceChoice> choices = recurring.stream().map(price -> new PriceChoice(price.id(),
                productNames.computeIfAbsent(price.product(), id -> products.get(tenant, id).name()) + " — "
                        + format.money(price.unitAmount(), price.currency().code()) + " / "
                        + (price.recurring() == null || price.recurring().count() == 1 ? "" : price.recurring().count() + " ")
                        + (price.recurring() == null ? "" : price.recurring().interval().value()))).toList();
        model.addAttribute("customer", customer);
        model.addAttribute("choices", choices);
        model.addAttribute("form", form);
        return "dashboard/subscriptions/new";
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
