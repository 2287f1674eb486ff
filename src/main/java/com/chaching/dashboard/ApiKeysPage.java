package com.chaching.dashboard;

import com.chaching.accounts.ApiKey;
import com.chaching.accounts.ApiKeyCreate;
import com.chaching.accounts.ApiKeyService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.PageRequest;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The account's API keys: list, create, roll, revoke. A new secret travels to the list as a flash attribute,
 * so it shows on the one page after the POST and never on a reload.
 */
@Controller
@RequestMapping("/dashboard/developers/api-keys")
class ApiKeysPage {

    private static final String LIST = "redirect:/dashboard/developers/api-keys";
    /** How long a rolled key's old secret keeps working: the choices the page offers, within the API's week. */
    private static final Map<String, Duration> GRACES = Map.of("now", Duration.ZERO, "24h", Duration.ofHours(24),
            "7d", Duration.ofDays(7));

    private final ApiKeyService keys;
    private final Validator validator;

    ApiKeysPage(ApiKeyService keys, Validator validator) {
        this.keys = keys;
        this.validator = validator;
    }

    @GetMapping
    String list(@AuthenticationPrincipal DashboardUser user, @RequestParam(required = false) @Nullable String startingAfter, Model model) {
        model.addAttribute("keys", keys.list(user.tenant(), new PageRequest(100, blankToNull(startingAfter), null)));
        return "dashboard/developers/api-keys";
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal DashboardUser user, @RequestParam(required = false) @Nullable String name,
                        RedirectAttributes flash) {
        ApiKeyCreate request = new ApiKeyCreate(name);
        Map<String, String> errors = FormErrors.byField(validator.validate(request));
        if (!errors.isEmpty()) {
            ModelAndView page = new ModelAndView("dashboard/developers/api-keys");
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("keys", keys.list(user.tenant(), new PageRequest(100, null, null)));
            page.addObject("errors", errors);
            page.addObject("name", name);
            return page;
        }
        showOnce(flash, keys.create(user.tenant(), Objects.requireNonNull(request.name())), "created");
        return new ModelAndView(LIST);
    }

    @PostMapping("/{id}/roll")
    String roll(@AuthenticationPrincipal DashboardUser user, @PathVariable String id,
                @RequestParam(defaultValue = "now") String grace, RedirectAttributes flash) {
        Duration kept = GRACES.get(grace);
        if (kept == null) {
            throw ApiProblem.invalid("grace", "Choose how long the old secret keeps working: now, 24h or 7d.");
        }
        showOnce(flash, keys.roll(user.tenant(), id, kept), "rolled");
        return LIST;
    }

    /** The plain confirmation step before a revoke: it works without JavaScript. */
    @GetMapping("/{id}/revoke")
    String confirmRevoke(@AuthenticationPrincipal DashboardUser user, @PathVariable String id, Model model) {
        model.addAttribute("key", keys.get(user.tenant(), id));
        return "dashboard/developers/api-key-revoke";
    }

    @PostMapping("/{id}/revoke")
    String revoke(@AuthenticationPrincipal DashboardUser user, @PathVariable String id, RedirectAttributes flash) {
        try {
            keys.revoke(user.tenant(), id);
            flash.addFlashAttribute("notice", "The key is revoked: it no longer works.");
        } catch (ApiProblem problem) {
            if (problem.status() != HttpStatus.CONFLICT) {
                throw problem;
            }
            // The last working key stays (ApiKeyService.revoke): the list shows the service's reason.
            flash.addFlashAttribute("refusal", problem.detail());
        }
        return LIST;
    }

    private static void showOnce(RedirectAttributes flash, ApiKey key, String how) {
        flash.addFlashAttribute("newKey", key);
        flash.addFlashAttribute("newKeyHow", how);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
