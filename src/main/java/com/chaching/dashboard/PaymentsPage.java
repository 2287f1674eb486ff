package com.chaching.dashboard;

import com.chaching.payments.Balance;
import com.chaching.payments.PaymentMethod;
import com.chaching.payments.PaymentMethodService;
import com.chaching.payments.RefundRequest;
import com.chaching.payments.Transaction;
import com.chaching.payments.TransactionFilter;
import com.chaching.payments.TransactionService;
import com.chaching.payments.TransactionStatus;
import com.chaching.payments.TransactionType;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.CurrencyCode;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.platform.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * Payments: the account's balance and its transactions (filters and keyset paging in the URL), a transaction's
 * page, and refunding a succeeded charge in full or in part — the services behind {@code GET /balance},
 * {@code GET /transactions} and {@code POST /transactions/{id}/refunds}, with the refund request's own rules.
 */
@Controller
class PaymentsPage {

    /** Rows per page of the list: the API's default page size. */
    static final int PAGE_SIZE = PageRequest.DEFAULT_LIMIT;
    static final List<String> TYPES = EnumChoices.values(TransactionType.values(), TransactionType::value);
    static final List<String> STATUSES = EnumChoices.values(TransactionStatus.values(), TransactionStatus::value);
    /** The refund reasons of {@code RefundRequest}; none is allowed too. */
    static final List<String> REASONS = List.of("requested_by_customer", "duplicate", "fraudulent");

    /** One currency of the balance. */
    record BalanceRow(String currency, long available, long pending) {
    }

    /** The refund form as typed: blank amount means all that is left. */
    record RefundForm(String amount, String reason, Map<String, String> errors) {
    }

    private final TransactionService transactions;
    private final PaymentMethodService paymentMethods;
    private final Validator validator;
    private final DashboardFormat format;

    PaymentsPage(TransactionService transactions, PaymentMethodService paymentMethods, Validator validator, DashboardFormat format) {
        this.transactions = transactions;
        this.paymentMethods = paymentMethods;
        this.validator = validator;
        this.format = format;
    }

    @GetMapping("/dashboard/payments")
    String list(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(required = false) @Nullable String type,
                @RequestParam(required = false) @Nullable String status,
                @RequestParam(required = false) @Size(max = 255) @Nullable String customer,
                @RequestParam(required = false) @Size(max = 255) @Nullable String startingAfter,
                @RequestParam(required = false) @Size(max = 255) @Nullable String endingBefore,
                Model model, HttpServletResponse response) {
        Tenant tenant = user.tenant();
        String chosenType = blankToNull(type);
        String chosenStatus = blankToNull(status);
        String chosenCustomer = blankToNull(customer);
        model.addAttribute("balance", balanceRows(transactions.balance(tenant)));
        model.addAttribute("type", chosenType == null ? "" : chosenType);
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus);
        model.addAttribute("customer", chosenCustomer == null ? "" : chosenCustomer);
        model.addAttribute("types", TYPES);
        model.addAttribute("statuses", STATUSES);
        Map<String, String> errors = new LinkedHashMap<>();
        TransactionType typeFilter = chosenType == null ? null
                : EnumChoices.byValue(TransactionType.values(), TransactionType::value, chosenType).orElse(null);
        if (chosenType != null && typeFilter == null) {
            errors.put("type", "Must be one of: " + String.join(", ", TYPES) + ".");
        }
        TransactionStatus statusFilter = chosenStatus == null ? null
                : EnumChoices.byValue(TransactionStatus.values(), TransactionStatus::value, chosenStatus).orElse(null);
        if (chosenStatus != null && statusFilter == null) {
            errors.put("status", "Must be one of: " + String.join(", ", STATUSES) + ".");
        }
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            // A filter the API would refuse: the message beside its field, and no list.
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("transactions", List.of());
            return "dashboard/payments/list";
        }
        PageRequest request = new PageRequest(PAGE_SIZE, startingAfter, endingBefore);
        // The same service call as GET /transactions?type=…&status=…&customer=…
        Page<Transaction> found = transactions.list(tenant,
                new TransactionFilter(typeFilter, statusFilter, chosenCustomer, null, null, null), request);
        model.addAttribute("transactions", found.data());
        model.addAttribute("pager", ListPager.of(found, request, Transaction::id, UriComponentsBuilder.fromPath("/dashboard/payments")
                .queryParamIfPresent("type", Optional.ofNullable(chosenType))
                .queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
                .queryParamIfPresent("customer", Optional.ofNullable(chosenCustomer))));
        return "dashboard/payments/list";
    }

    @GetMapping("/dashboard/payments/{id}")
    String transaction(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id, Model model) {
        return page(model, user.tenant(), id, new RefundForm("", "requested_by_customer", Map.of()));
    }

    /**
     * {@code POST /transactions/{id}/refunds}: the amount typed in the currency's units ("5.00"), blank for
     * all that is left; refused beside the field, with nothing refunded, when it is not an amount, is 0, has
     * more decimals than the currency, or is more than what is left to refund.
     */
    @PostMapping("/dashboard/payments/{id}/refunds")
    String refund(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                  @RequestParam(defaultValue = "") String amount, @RequestParam(defaultValue = "") String reason,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        // Empty is all that is left, and no reason given.
        String typed = amount;
        String chosenReason = reason;
        Tenant tenant = user.tenant();
        Transaction charge = transactions.get(tenant, id);
        long refundable = transactions.refundable(tenant, id);
        Map<String, String> errors = new LinkedHashMap<>();
        Long minorUnits = null;
        if (!typed.isBlank()) {
            CurrencyCode currency = CurrencyCode.of(charge.currency());
            minorUnits = AmountInput.minorUnits(typed, currency);
            if (minorUnits == null) {
                errors.put("amount", "Must be an amount such as 5.00, with at most " + currency.exponent() + " decimals for "
                        + charge.currency().toUpperCase(Locale.ROOT) + ".");
            } else if (minorUnits == 0) {
                errors.put("amount", "Must be more than 0.");
            } else if (minorUnits > refundable) {
                errors.put("amount", "Must be at most " + format.money(refundable, charge.currency())
                        + ", what is left to refund.");
            }
        }
        RefundRequest request = new RefundRequest(minorUnits, chosenReason.isBlank() ? null : chosenReason);
        FormErrors.byField(validator.validate(request)).forEach((field, message) ->
                errors.putIfAbsent(field, Character.toUpperCase(message.charAt(0)) + message.substring(1) + "."));
        if (errors.isEmpty()) {
            try {
                Transaction refund = transactions.refund(tenant, id, request);
                flash.addFlashAttribute("notice", switch (refund.status()) {
                    case SUCCEEDED -> "Refunded " + format.money(refund.amount(), refund.currency()) + ".";
                    case PENDING -> "Refund of " + format.money(refund.amount(), refund.currency())
                            + " sent; the gateway's answer is not in yet.";
                    case FAILED -> "The refund failed (" + refund.failureCode() + "): " + refund.failureMessage();
                });
                return "redirect:" + UriComponentsBuilder.fromPath("/dashboard/payments/{id}").buildAndExpand(id).encode().toUriString();
            } catch (ApiProblem problem) {
                if (problem.status() == HttpStatus.NOT_FOUND) {
                    throw problem;
                }
                // refund_exceeds_charge (another refund got there first) or a charge that cannot be refunded.
                errors.put(problem.param() == null ? "amount" : problem.param(), problem.detail());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, tenant, id, new RefundForm(typed, chosenReason, errors));
    }

    private String page(Model model, Tenant tenant, String id, RefundForm form) {
        Transaction transaction = transactions.get(tenant, id);
        model.addAttribute("transaction", transaction);
        model.addAttribute("paymentMethod", transaction.paymentMethod() == null ? null : paymentMethodOf(tenant, transaction.paymentMethod()));
        boolean charge = transaction.type() == TransactionType.CHARGE;
        model.addAttribute("refunds", charge ? transactions.refundsOf(tenant, id) : List.of());
        long refundable = charge ? transactions.refundable(tenant, id) : 0;
        model.addAttribute("refundable", refundable);
        model.addAttribute("canRefund", refundable > 0);
        model.addAttribute("refundForm", form);
        model.addAttribute("reasons", REASONS);
        return "dashboard/payments/transaction";
    }

    /** The card as it is now; one deleted since is only its id. */
    private @Nullable PaymentMethod paymentMethodOf(Tenant tenant, String id) {
        try {
            return paymentMethods.get(tenant, id);
        } catch (ApiProblem gone) {
            return null;
        }
    }

    /** The balance's two lists, one row per currency (they come from the same sums, in the same order). */
    private static List<BalanceRow> balanceRows(Balance balance) {
        List<BalanceRow> rows = new ArrayList<>();
        for (int i = 0; i < balance.available().size(); i++) {
            Balance.Amount available = balance.available().get(i);
            rows.add(new BalanceRow(available.currency(), available.amount(), balance.pending().get(i).amount()));
        }
        return rows;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
