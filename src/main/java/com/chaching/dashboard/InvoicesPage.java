package com.chaching.dashboard;

import com.chaching.customers.Customer;
import com.chaching.customers.CustomerService;
import com.chaching.invoicing.Invoice;
import com.chaching.invoicing.InvoiceFilter;
import com.chaching.invoicing.InvoiceLine;
import com.chaching.invoicing.InvoiceService;
import com.chaching.invoicing.InvoiceStatus;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import com.chaching.tax.TaxRate;
import com.chaching.tax.TaxRateService;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.function.Function;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The invoices list (status filter and keyset paging in the URL), an invoice laid out as its customer reads
 * it, and its actions — finalize, pay, void, mark uncollectible — through the services behind
 * {@code POST /invoices/{id}/finalize}, {@code PUT /invoices/{id}}, {@code DELETE /invoices/{id}} and
 * {@code POST /invoices/{id}/mark-uncollectible}. A refused action (409 for the wrong status, 402 for a
 * declined card or no card) answers with that status and the invoice's page, the reason in place.
 */
@Controller
class InvoicesPage {

    /** Rows per page of the list: the API's default page size. */
    static final int PAGE_SIZE = PageRequest.DEFAULT_LIMIT;
    /** How many of an invoice's payments its page shows: the API's largest page. */
    static final int PAYMENTS_SHOWN = 100;
    static final List<String> STATUSES = EnumChoices.values(InvoiceStatus.values(), InvoiceStatus::value);

    /** One tax rate's share of the invoice, summed over its lines, as the customer reads it. */
    record TaxRow(String displayName, @Nullable BigDecimal percentage, boolean inclusive, long amount) {
    }

    private final InvoiceService invoices;
    private final CustomerService customers;
    private final TaxRateService taxRates;

    InvoicesPage(InvoiceService invoices, CustomerService customers, TaxRateService taxRates) {
        this.invoices = invoices;
        this.customers = customers;
        this.taxRates = taxRates;
    }

    @GetMapping("/dashboard/invoices")
    String list(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Size(max = 255) @Nullable String startingAfter,
                @RequestParam(required = false) @Size(max = 255) @Nullable String endingBefore,
                Model model, HttpServletResponse response) {
        String chosen = status == null || status.isBlank() ? null : status.strip();
        InvoiceStatus filter = chosen == null ? null
                : EnumChoices.byValue(InvoiceStatus.values(), InvoiceStatus::value, chosen).orElse(null);
        model.addAttribute("status", chosen == null ? "" : chosen);
        model.addAttribute("statuses", STATUSES);
        if (chosen != null && filter == null) {
            // A status the API would refuse: the message beside the filter, and no list.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("statusError", "Must be one of: " + String.join(", ", STATUSES) + ".");
            model.addAttribute("invoices", List.of());
            return "dashboard/invoices/list";
        }
        PageRequest request = new PageRequest(PAGE_SIZE, startingAfter, endingBefore);
        // The same service call as GET /invoices?status=…
        Page<Invoice> found = invoices.list(user.tenant(), new InvoiceFilter(null, filter, null, null, null), request);
        model.addAttribute("invoices", found.data());
        model.addAttribute("pager", ListPager.of(found, request, Invoice::id, UriComponentsBuilder.fromPath("/dashboard/invoices")
                .queryParamIfPresent("status", Optional.ofNullable(chosen))));
        return "dashboard/invoices/list";
    }

    @GetMapping("/dashboard/invoices/{id}")
    String invoice(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id, Model model) {
        return page(model, user.tenant(), id);
    }

    @PostMapping("/dashboard/invoices/{id}/finalize")
    String finalizeInvoice(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                           Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, tenant -> invoices.finalizeInvoice(tenant, id), "Invoice finalized.", model, response, flash);
    }

    /** As {@code PUT /invoices/{id}} with no body: the subscription's or the customer's default card. */
    @PostMapping("/dashboard/invoices/{id}/pay")
    String pay(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
               Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, tenant -> invoices.pay(tenant, id, null), "Invoice paid.", model, response, flash);
    }

    @PostMapping("/dashboard/invoices/{id}/void")
    String voidInvoice(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                       Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, tenant -> invoices.voidInvoice(tenant, id), "Invoice voided.", model, response, flash);
    }

    @PostMapping("/dashboard/invoices/{id}/mark-uncollectible")
    String markUncollectible(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                             Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, tenant -> invoices.markInvoiceUncollectible(tenant, id), "Invoice marked uncollectible.",
                model, response, flash);
    }

    /**
     * Runs an action; done, back to the invoice with a notice (redirect after post). Refused, the invoice's page
     * with the refusal's status and words, and its code (the gateway's, for a declined card). What names nothing
     * goes on to the 404 page.
     */
    private String act(Tenant tenant, String id, Function<Tenant, Invoice> action, String notice,
                       Model model, HttpServletResponse response, RedirectAttributes flash) {
        try {
            action.apply(tenant);
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            response.setStatus(problem.status().value());
            model.addAttribute("refusal", problem.detail());
            model.addAttribute("refusalCode", problem.code());
            return page(model, tenant, id);
        }
        flash.addFlashAttribute("notice", notice);
        return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/invoices/{id}").buildAndExpand(id).encode().toUriString();
    }

    private String page(Model model, Tenant tenant, String id) {
        Invoice invoice = invoices.get(tenant, id);
        model.addAttribute("invoice", invoice);
        model.addAttribute("customer", customerOf(tenant, invoice.customer()));
        model.addAttribute("taxes", taxes(tenant, invoice));
        // The same service call as GET /invoices/{id}/transactions.
        model.addAttribute("payments", invoices.transactionsOf(tenant, id, new PageRequest(PAYMENTS_SHOWN, null, null)).data());
        return "dashboard/invoices/invoice";
    }

    /** The customer as it is now; a deleted one is only its key, as the invoice keeps it. */
    private @Nullable Customer customerOf(Tenant tenant, String externalKey) {
        try {
            return customers.get(tenant, externalKey);
        } catch (ApiProblem gone) {
            return null;
        }
    }

    /** The invoice's tax per rate, in the order the rates first appear on its lines. */
    private List<TaxRow> taxes(Tenant tenant, Invoice invoice) {
        Map<String, long[]> amounts = new LinkedHashMap<>();
        Map<String, Boolean> inclusive = new LinkedHashMap<>();
        for (InvoiceLine line : invoice.lines().data()) {
            for (InvoiceLine.TaxAmount tax : line.taxAmounts()) {
                amounts.computeIfAbsent(tax.taxRate(), rate -> new long[1])[0] += tax.amount();
                inclusive.putIfAbsent(tax.taxRate(), tax.inclusive());
            }
        }
        return amounts.entrySet().stream().map(entry -> {
            TaxRate rate = rateOf(tenant, entry.getKey());
            return new TaxRow(rate == null ? entry.getKey() : rate.displayName(), rate == null ? null : rate.percentage(),
                    inclusive.get(entry.getKey()), entry.getValue()[0]);
        }).toList();
    }

    private @Nullable TaxRate rateOf(Tenant tenant, String id) {
        try {
            return taxRates.get(tenant, id);
        } catch (ApiProblem gone) {
            return null;
        }
    }
}
