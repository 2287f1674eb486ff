package com.chaching.dashboard;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerCreate;
import com.chaching.customers.CustomerRules;
import com.chaching.customers.CustomerService;
import com.chaching.customers.CustomerUpdate;
import com.chaching.platform.ApiProblem;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * Creating and editing a customer with plain forms. The rules are the API's own: the request records' Bean
 * Validation, then the service's {@link ApiProblem} naming its {@code param} (a taken externalKey); each
 * failure shows beside its field, with what was typed kept, and nothing changes.
 */
@Controller
class CustomerFormPage {

    /** What the form shows: the values as typed, and a message per failing field. */
    record CustomerForm(String externalKey, String name, String email, String phone, Map<String, String> errors) {

        static CustomerForm of(Customer customer) {
            return new CustomerForm(customer.externalKey(), text(customer.name()), text(customer.email()), text(customer.phone()), Map.of());
        }

        /** The fields as sent; a field sent empty may arrive as null, and is empty here. */
        static CustomerForm typed(@Nullable String externalKey, @Nullable String name, @Nullable String email, @Nullable String phone) {
            return new CustomerForm(text(externalKey), text(name), text(email), text(phone), Map.of());
        }

        CustomerForm withErrors(Map<String, String> failures) {
            return new CustomerForm(externalKey, name, email, phone, failures);
        }

        private static String text(@Nullable String value) {
            return value == null ? "" : value;
        }
    }

    private final CustomerService customers;
    private final Validator validator;

    CustomerFormPage(CustomerService customers, Validator validator) {
        this.customers = customers;
        this.validator = validator;
    }

    @GetMapping("/dashboard/customers/new")
    String newCustomer(Model model) {
        return form(model, new CustomerForm("", "", "", "", Map.of()), true);
    }

    @PostMapping("/dashboard/customers/new")
    String create(@AuthenticationPrincipal DashboardUser user,
                  @RequestParam(required = false) @Nullable String externalKey, @RequestParam(required = false) @Nullable String name,
                  @RequestParam(required = false) @Nullable String email, @RequestParam(required = false) @Nullable String phone,
                  Model model, HttpServletResponse response) {
        CustomerForm typed = CustomerForm.typed(externalKey, name, email, phone);
        // An empty field is a field left out, as in the API: the key then defaults to the customer's id.
        CustomerCreate request = new CustomerCreate(blankToNull(typed.externalKey()), blankToNull(typed.name()),
                blankToNull(typed.email()), blankToNull(typed.phone()), null, null);
        return save(request, () -> customers.create(user.tenant(), request), typed, true, model, response);
    }

    @GetMapping("/dashboard/customers/{externalKey}/edit")
    String edit(@AuthenticationPrincipal DashboardUser user,
                @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey, Model model) {
        return form(model, CustomerForm.of(customers.get(user.tenant(), externalKey)), false);
    }

    @PostMapping("/dashboard/customers/{externalKey}/edit")
    String update(@AuthenticationPrincipal DashboardUser user,
                  @PathVariable @Pattern(regexp = CustomerRules.EXTERNAL_KEY) String externalKey,
                  @RequestParam(required = false) @Nullable String name, @RequestParam(required = false) @Nullable String email,
                  @RequestParam(required = false) @Nullable String phone, Model model, HttpServletResponse response) {
        customers.get(user.tenant(), externalKey); // another account's or a missing key is the 404 page, not a form
        CustomerForm typed = CustomerForm.typed(externalKey, name, email, phone);
        // As in PATCH /customers/{externalKey}: "" clears a field, so an emptied field is cleared.
        CustomerUpdate changes = new CustomerUpdate(null, typed.name(), typed.email(), typed.phone(), null, null, null);
        return save(changes, () -> customers.update(user.tenant(), externalKey, changes), typed, false, model, response);
    }

    private String save(Object request, Supplier<Customer> write, CustomerForm typed, boolean creating, Model model,
                        HttpServletResponse response) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors.byField(validator.validate(request)).forEach((field, message) -> errors.put(field, sentence(message)));
        if (errors.isEmpty()) {
            try {
                Customer saved = write.get();
                return "redirect:/dashboard/customers/" + UriUtils.encodePathSegment(saved.externalKey(), StandardCharsets.UTF_8);
            } catch (ApiProblem problem) {
                if (problem.param() == null || problem.status() == HttpStatus.NOT_FOUND) {
                    throw problem;
                }
                errors.put(problem.param(), problem.detail());
            }
        }
        // 422 with the form again: a browser shows it, a script can tell nothing was saved.
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return form(model, typed.withErrors(errors), creating);
    }

    private static String form(Model model, CustomerForm form, boolean creating) {
        model.addAttribute("form", form);
        model.addAttribute("creating", creating);
        return "dashboard/customers/form";
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value;
    }
}
