package com.chaching.dashboard;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerRules;
import com.chaching.customers.CustomerService;
import com.chaching.customers.CustomerUpdate;
import com.chaching.payments.AttachRequest;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodCreate;
import com.chaching.payments.PaymentMethodService;
import com.chaching.platform.AccountClock;
import com.chaching.platform.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Adding a sandbox test card to a customer: what {@code POST /payment-methods}, then
 * {@code POST /payment-methods/{id}/attach}, then (when asked) {@code PATCH /customers/{externalKey}} with
 * {@code defaultPaymentMethod} do, through the same services and their rules. Live accounts take no raw card
 * numbers (api.md), so there the page says so and offers no form.
 */
@Controller
class CustomerCardPage {

    /** The sandbox card the form starts with: one that succeeds (api.md "Sandbox cards"). */
    static final String SUCCEEDING_CARD = "4242 4242 4242 4242";

    /** The form as typed, and a message per failing field (number, expMonth, expYear, cvc). */
    record CardForm(String number, String expMonth, String expYear, String cvc, boolean makeDefault, Map<String, String> errors) {
    }

    private final CustomerService customers;
    private final PaymentMethodService paymentMethods;
    private final Validator validator;
    private final AccountClock clocks;

    CustomerCardPage(CustomerService customers, PaymentMethodService paymentMethods, Validator validator, AccountClock clocks) {
        this.customers = customers;
        this.paymentMethods = paymentMethods;
        this.validator = validator;
        this.clocks = clocks;
    }

    @GetMapping("/dashboard/customers/{externalKey}/cards/new")
    String newCard(@AuthenticationPrincipal DashboardUser user,
                   @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey, Model model) {
        Customer customer = customers.get(user.tenant(), externalKey);
        // December three years after the account's today (the test clock's, in a sandbox): always in the future.
        String year = String.valueOf(clocks.now(user.tenant()).atZone(ZoneOffset.UTC).getYear() + 3);
        return form(model, customer, new CardForm(SUCCEEDING_CARD, "12", year, "123", customer.defaultPaymentMethod() == null, Map.of()));
    }

    @PostMapping("/dashboard/customers/{externalKey}/cards")
    String addCard(@AuthenticationPrincipal DashboardUser user,
                   @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey,
                   @RequestParam(defaultValue = "") String number, @RequestParam(defaultValue = "") String expMonth,
                   @RequestParam(defaultValue = "") String expYear, @RequestParam(defaultValue = "") String cvc,
                   @RequestParam(defaultValue = "false") boolean makeDefault,
                   Model model, HttpServletResponse response, RedirectAttributes flash) {
        Customer customer = customers.get(user.tenant(), externalKey); // another account's key: the 404 page
        CardForm typed = new CardForm(number, expMonth, expYear, cvc, makeDefault, Map.of());
        Map<String, String> errors = new LinkedHashMap<>();
        Integer month = wholeNumber(expMonth, "expMonth", errors);
        Integer year = wholeNumber(expYear, "expYear", errors);
        PaymentMethodCreate request = new PaymentMethodCreate("card",
                new PaymentMethodCreate.CardInput(number.isBlank() ? null : number, month, year, cvc.isBlank() ? null : cvc), null, null);
        FormErrors.byField(validator.validate(request.card())).forEach(errors::putIfAbsent);
        if (errors.isEmpty()) {
            try {
                PaymentMethod card = paymentMethods.create(user.tenant(), request);
                paymentMethods.attach(user.tenant(), card.id(), new AttachRequest(customer.externalKey()));
                if (makeDefault) {
                    customers.update(user.tenant(), customer.externalKey(), new CustomerUpdate(null, null, null, null, null, null, card.id()));
                }
                flash.addFlashAttribute("notice", card.card().brand().value() + " •••• " + card.card().last4() + " added.");
                return "redirect:/dashboard/customers/" + UriUtils.encodePathSegment(customer.externalKey(), StandardCharsets.UTF_8);
            } catch (ApiProblem problem) {
                if (problem.errors().isEmpty() || problem.status() == HttpStatus.NOT_FOUND) {
                    throw problem;
                }
                // The service names card.number, card.expMonth…: the form's fields are the last part.
                problem.errors().forEach(field -> errors.putIfAbsent(field.param().substring(field.param().lastIndexOf('.') + 1), field.detail()));
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, customer, new CardForm(typed.number(), typed.expMonth(), typed.expYear(), typed.cvc(), makeDefault, errors));
    }

    private static @Nullable Integer wholeNumber(String typed, String field, Map<String, String> errors) {
        if (typed.isBlank()) {
            return null; // the request's @NotNull names it
        }
        try {
            return Integer.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            errors.put(field, "Must be a number.");
            return null;
        }
    }

    private static String form(Model model, Customer customer, CardForm form) {
        model.addAttribute("customer", customer);
        model.addAttribute("form", form);
        return "dashboard/customers/card";
    }
}
