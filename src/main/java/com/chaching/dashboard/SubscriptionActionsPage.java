package com.chaching.dashboard;

import com.chaching.accounts.AccountService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import com.chaching.subscriptions.PauseRequest;
import com.chaching.subscriptions.ProrationPreview;
import com.chaching.subscriptions.Subscription;
import com.chaching.subscriptions.SubscriptionService;
import com.chaching.subscriptions.SubscriptionUpdate;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * The actions of a subscription's page, each the service call of its API operation: cancel now or at the
 * period's end ({@code DELETE /subscriptions/{id}}), take a scheduled cancel back ({@code PATCH
 * cancelAtPeriodEnd: false}), pause and resume, and change an item's quantity ({@code PATCH items}, with
 * {@code create_prorations}) after a preview of its proration. A change made redirects back with a notice;
 * a refusal shows the page again with the service's message in place (its 409, or 422 for bad input), and
 * nothing changed.
 */
@Controller
class SubscriptionActionsPage {

    private final SubscriptionService subscriptions;
    private final SubscriptionView view;
    private final AccountService accounts;
    private final Validator validator;
    private final DashboardFormat format;

    SubscriptionActionsPage(SubscriptionService subscriptions, SubscriptionView view, AccountService accounts, Validator validator,
                            DashboardFormat format) {
        this.subscriptions = subscriptions;
        this.view = view;
        this.accounts = accounts;
        this.validator = validator;
        this.format = format;
    }

    /** Cancel now (no proration: the API's default) or at the period's end. */
    @PostMapping("/dashboard/subscriptions/{id}/cancel")
    String cancel(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                  @RequestParam(required = false) @Nullable String when, Model model, HttpServletResponse response, RedirectAttributes flash) {
        boolean atPeriodEnd = "period_end".equals(when);
        return act(user.tenant(), id, model, response, flash, () -> {
            Subscription canceled = subscriptions.cancel(user.tenant(), id, atPeriodEnd, null, null);
            return atPeriodEnd ? "Subscription will be canceled at the period's end, " + format.instant(canceled.currentPeriodEnd()) + "."
                    : "Subscription canceled.";
        });
    }

    /** Takes back a cancel scheduled for the period's end. */
    @PostMapping("/dashboard/subscriptions/{id}/keep")
    String keep(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, model, response, flash, () -> {
            subscriptions.update(user.tenant(), id, new SubscriptionUpdate(null, null, null, null, false, null));
            return "The scheduled cancel was taken back: the subscription renews.";
        });
    }

    /** Pause, until resumed by hand or, with a day, at the start of that day in the account's time zone. */
    @PostMapping("/dashboard/subscriptions/{id}/pause")
    String pause(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                 @RequestParam(defaultValue = "") String resumesOn,
                 Model model, HttpServletResponse response, RedirectAttributes flash) {
        Instant resumesAt = null;
        if (!resumesOn.isBlank()) {
            try {
                resumesAt = LocalDate.parse(resumesOn.strip()).atStartOfDay(ZoneId.of(accounts.get(user.tenant()).timeZone())).toInstant();
            } catch (DateTimeParseException notADay) {
                return refused(user.tenant(), id, model, response, HttpStatus.UNPROCESSABLE_CONTENT,
                        new SubscriptionView.Forms(null, Map.of("resumesOn", "Must be a day such as 2026-04-01."),
                                Map.of("resumesOn", resumesOn), null, null, 0));
            }
        }
        Instant resumes = resumesAt;
        return act(user.tenant(), id, model, response, flash, () -> {
            Subscription paused = subscriptions.pause(user.tenant(), id, new PauseRequest(resumes));
            return paused.resumesAt() == null ? "Subscription paused until resumed."
                    : "Subscription paused until " + format.instant(paused.resumesAt()) + ".";
        }, "resumesOn", "resumesAt", resumesOn);
    }

    @PostMapping("/dashboard/subscriptions/{id}/resume")
    String resume(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                  Model model, HttpServletResponse response, RedirectAttributes flash) {
        return act(user.tenant(), id, model, response, flash, () -> {
            Subscription resumed = subscriptions.resume(user.tenant(), id);
            return "Subscription resumed: " + resumed.status().value() + ", the period now ends " + format.instant(resumed.currentPeriodEnd()) + ".";
        });
    }

    /** The first step of a quantity change: what it would bill (a plain GET form, so it works without JavaScript). */
    @GetMapping("/dashboard/subscriptions/{id}/quantity")
    String previewQuantity(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                           @RequestParam(defaultValue = "") @Size(max = 255) String item,
                           @RequestParam(defaultValue = "") String quantity,
                           Model model, HttpServletResponse response) {
        Tenant tenant = user.tenant();
        subscriptions.get(tenant, id); // another account's or a missing id is the 404 page
        Long count = quantityOf(quantity);
        String error = quantityError(item, count);
        if (error != null) {
            return refused(tenant, id, model, response, HttpStatus.UNPROCESSABLE_CONTENT, quantityForms(null, error, item, quantity));
        }
        try {
            ProrationPreview preview = subscriptions.previewQuantityChange(tenant, id, item, count);
            return view.page(tenant, id, new SubscriptionView.Forms(null, Map.of(), Map.of("quantity", quantity.strip()), preview, item, count), model);
        } catch (ApiProblem problem) {
            return refusedBy(tenant, id, model, response, problem, quantityForms(problem, problem.detail(), item, quantity));
        }
    }

    /** The confirmed change, through the same update as {@code PATCH /subscriptions/{id}} with its default create_prorations. */
    @PostMapping("/dashboard/subscriptions/{id}/quantity")
    String changeQuantity(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id,
                          @RequestParam(defaultValue = "") @Size(max = 255) String item,
                          @RequestParam(defaultValue = "") String quantity,
                          Model model, HttpServletResponse response, RedirectAttributes flash) {
        Tenant tenant = user.tenant();
        subscriptions.get(tenant, id);
        Long count = quantityOf(quantity);
        String error = quantityError(item, count);
        if (error != null) {
            return refused(tenant, id, model, response, HttpStatus.UNPROCESSABLE_CONTENT, quantityForms(null, error, item, quantity));
        }
        try {
            subscriptions.update(tenant, id, new SubscriptionUpdate(List.of(new SubscriptionUpdate.ItemChange(item, null, count, null)),
                    null, null, null, null, null));
        } catch (ApiProblem problem) {
            return refusedBy(tenant, id, model, response, problem, quantityForms(problem, problem.detail(), item, quantity));
        }
        flash.addFlashAttribute("notice", "Quantity changed to " + count + ". The prorated lines are on the next invoice.");
        return redirect(id);
    }

    private String act(Tenant tenant, String id, Model model, HttpServletResponse response, RedirectAttributes flash, Supplier<String> action) {
        return act(tenant, id, model, response, flash, action, null, null, "");
    }

    /**
     * Runs the action; a refusal naming the API's {@code apiParam} shows beside the form's {@code field}, with what
     * was typed; any other shows above the actions.
     */
    private String act(Tenant tenant, String id, Model model, HttpServletResponse response, RedirectAttributes flash, Supplier<String> action,
                       @Nullable String field, @Nullable String apiParam, String typed) {
        subscriptions.get(tenant, id); // another account's or a missing id is the 404 page, not a refusal
        try {
            flash.addFlashAttribute("notice", action.get());
            return redirect(id);
        } catch (ApiProblem problem) {
            boolean besideField = field != null && apiParam.equals(problem.param());
            SubscriptionView.Forms forms = besideField
                    ? new SubscriptionView.Forms(null, Map.of(field, problem.detail()), Map.of(field, typed), null, null, 0)
                    : new SubscriptionView.Forms(problem.detail(), Map.of(), field == null ? Map.of() : Map.of(field, typed), null, null, 0);
            return refusedBy(tenant, id, model, response, problem, forms);
        }
    }

    /** The service's refusal: its own status (409 for a state that does not allow it), 422 for input it found bad. */
    private String refusedBy(Tenant tenant, String id, Model model, HttpServletResponse response, ApiProblem problem, SubscriptionView.Forms forms) {
        if (problem.status() == HttpStatus.NOT_FOUND) {
            throw problem;
        }
        HttpStatus status = problem.status() == HttpStatus.BAD_REQUEST ? HttpStatus.UNPROCESSABLE_CONTENT : problem.status();
        return refused(tenant, id, model, response, status, forms);
    }

    private String refused(Tenant tenant, String id, Model model, HttpServletResponse response, HttpStatus status, SubscriptionView.Forms forms) {
        response.setStatus(status.value());
        return view.page(tenant, id, forms, model);
    }

    /**
     * A quantity's own error beside the item's field; the service's refusal (a paused subscription, an item
     * that is not on it) above the details, since it is about the subscription rather than what was typed.
     */
    private static SubscriptionView.Forms quantityForms(@Nullable ApiProblem problem, String message, String item, String typed) {
        boolean aboutTheInput = problem == null;
        return new SubscriptionView.Forms(aboutTheInput ? null : message, aboutTheInput ? Map.of("quantity", message) : Map.of(),
                Map.of("quantity", typed), null, item, 0);
    }

    /** The quantity's own rules, from the API's request record (1 to 1 000 000); null when it has none to break. */
    private @Nullable String quantityError(String item, @Nullable Long quantity) {
        if (quantity == null) {
            return "Must be a whole number such as 3.";
        }
        Map<String, String> errors = FormErrors.byField(validator.validate(new SubscriptionUpdate.ItemChange(item, null, quantity, null)));
        String message = errors.get("quantity");
        return message == null ? null : Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }

    private static @Nullable Long quantityOf(String typed) {
        String trimmed = typed.strip();
        if (!trimmed.matches("-?[0-9]{1,12}")) {
            return null;
        }
        return Long.parseLong(trimmed);
    }

    private static String redirect(String id) {
        return "redirect:/dashboard/subscriptions/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8);
    }
}
