package com.chaching.dashboard;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import com.chaching.accounts.AccountUpdate;
import com.chaching.accounts.AdvanceRequest;
import com.chaching.accounts.AfterRetries;
import com.chaching.accounts.TestClock;
import com.chaching.accounts.TestClockService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.Tenant;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Validator;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's settings, with the rules of {@code PATCH /account} (the {@link AccountUpdate} record's Bean
 * Validation, then the service's {@link ApiProblem}), and on sandbox accounts the test clock, moved by the
 * service behind {@code POST /test-clock/advance}. A refusal is a 422 with the message beside its field and
 * nothing changed; a change saved redirects back with a notice.
 */
@Controller
class SettingsPage {

    /** The value of a {@code datetime-local} input, in UTC. */
    private static final DateTimeFormatter LOCAL_INPUT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /** The settings form as typed, and a message per failing field. */
    record SettingsForm(String name, String timeZone, String invoicePrefix, String retrySchedule, String afterRetries,
                        String settlementDays, Map<String, String> errors) {

        static SettingsForm of(Account account) {
            return new SettingsForm(account.name(), account.timeZone(), account.invoicePrefix(),
                    account.retrySchedule().stream().map(String::valueOf).collect(Collectors.joining(", ")),
                    account.afterRetries().value(), String.valueOf(account.settlementDays()), Map.of());
        }

        SettingsForm withErrors(Map<String, String> failures) {
            return new SettingsForm(name, timeZone, invoicePrefix, retrySchedule, afterRetries, settlementDays, failures);
        }
    }

    /** The test-clock form: the time typed (a {@code datetime-local} value, UTC), and its error. */
    record ClockForm(String to, @Nullable String error) {
    }

    private final AccountService accounts;
    private final TestClockService testClocks;
    private final Validator validator;

    SettingsPage(AccountService accounts, TestClockService testClocks, Validator validator) {
        this.accounts = accounts;
        this.testClocks = testClocks;
        this.validator = validator;
    }

    @GetMapping("/dashboard/settings")
    String settings(@AuthenticationPrincipal DashboardUser user, Model model) {
        return page(model, user.tenant(), SettingsForm.of(accounts.get(user.tenant())), null);
    }

    @PostMapping("/dashboard/settings")
    String save(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String timeZone,
                @RequestParam(defaultValue = "") String invoicePrefix, @RequestParam(defaultValue = "") String retrySchedule,
                @RequestParam(defaultValue = "") String afterRetries, @RequestParam(defaultValue = "") String settlementDays,
                Model model, HttpServletResponse response, RedirectAttributes flash) {
        SettingsForm typed = new SettingsForm(name, timeZone, invoicePrefix, retrySchedule, afterRetries, settlementDays, Map.of());
        Map<String, String> errors = new LinkedHashMap<>();
        List<Integer> days = days(retrySchedule);
        if (days == null) {
            errors.put("retrySchedule", "Must be whole numbers of days separated by commas, such as 1, 3, 5, 7.");
        }
        AfterRetries after = EnumChoices.byValue(AfterRetries.values(), AfterRetries::value, afterRetries).orElse(null);
        if (after == null) {
            errors.put("afterRetries", "Must be one of: " + String.join(", ", EnumChoices.values(AfterRetries.values(), AfterRetries::value)) + ".");
        }
        Integer settlement = wholeNumber(settlementDays);
        if (settlement == null) {
            errors.put("settlementDays", "Must be a whole number of days.");
        }
        // Every field is sent, so every field is checked; one that could not be read is left out of the request.
        AccountUpdate changes = new AccountUpdate(name, timeZone, invoicePrefix, days, after, settlement);
        FormErrors.byField(validator.validate(changes)).forEach((field, message) -> errors.putIfAbsent(field, sentence(message)));
        if (errors.isEmpty()) {
            try {
                accounts.update(user.tenant(), changes);
                flash.addFlashAttribute("notice", "Saved.");
                return "redirect:/dashboard/settings";
            } catch (ApiProblem problem) {
                if (problem.status() == HttpStatus.NOT_FOUND) {
                    throw problem;
                }
                errors.put(problem.param() == null ? "form" : problem.param(), problem.detail());
            }
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, user.tenant(), typed.withErrors(errors), null);
    }

    @PostMapping("/dashboard/settings/test-clock")
    String advance(@AuthenticationPrincipal DashboardUser user, @RequestParam(defaultValue = "") String to, Model model,
                   HttpServletResponse response, RedirectAttributes flash) {
        Tenant tenant = user.tenant();
        testClocks.read(tenant); // a live account has no test clock: the 404 page, not a form
        String error;
        try {
            // The form's time is UTC, as the page says.
            Instant instant = LocalDateTime.parse(to).toInstant(ZoneOffset.UTC);
            TestClock moved = testClocks.advance(tenant, new AdvanceRequest(instant));
            flash.addFlashAttribute("clockNotice", "The test clock is now " + SHOWN.format(moved.now()) + ".");
            return "redirect:/dashboard/settings#test-clock";
        } catch (DateTimeParseException unreadable) {
            error = "Must be a date and time, such as 2026-12-24T10:00.";
        } catch (ApiProblem problem) {
            if (problem.status() == HttpStatus.NOT_FOUND) {
                throw problem;
            }
            error = problem.detail();
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
        return page(model, tenant, SettingsForm.of(accounts.get(tenant)), new ClockForm(to, error));
    }

    private String page(Model model, Tenant tenant, SettingsForm form, @Nullable ClockForm clockForm) {
        model.addAttribute("form", form);
        model.addAttribute("afterRetriesValues", EnumChoices.values(AfterRetries.values(), AfterRetries::value));
        if (!tenant.livemode()) {
            Instant now = testClocks.read(tenant).now();
            model.addAttribute("clockNow", SHOWN.format(now));
            model.addAttribute("clockForm", clockForm != null ? clockForm
                    : new ClockForm(LOCAL_INPUT.format(LocalDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC)), null));
        }
        return "dashboard/settings";
    }

    /** The comma-separated days, or null when one is not a whole number; an empty field is no retries. */
    private static @Nullable List<Integer> days(String typed) {
        List<Integer> days = new ArrayList<>();
        if (typed.isBlank()) {
            return days;
        }
        for (String part : typed.split(",", -1)) {
            Integer day = wholeNumber(part);
            if (day == null) {
                return null;
            }
            days.add(day);
        }
        return days;
    }

    private static @Nullable Integer wholeNumber(String typed) {
        String trimmed = typed.strip();
        if (!trimmed.matches("-?[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(trimmed);
    }

    private static String sentence(String message) {
        return Character.toUpperCase(message.charAt(0)) + message.substring(1) + ".";
    }
}
