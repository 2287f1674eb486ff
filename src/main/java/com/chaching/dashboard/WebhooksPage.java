package com.chaching.dashboard;

import com.chaching.events.WebhookDeliveries;
import com.chaching.events.WebhookEndpoint;
import com.chaching.events.WebhookEndpointCreate;
import com.chaching.events.WebhookEndpointService;
import com.chaching.platform.ApiProblem;
import com.chaching.platform.PageRequest;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

/** Webhook endpoints: the list, registering one (its signing secret shown once), and an endpoint's delivery attempts. */
@Controller
@RequestMapping("/dashboard/developers/webhooks")
class WebhooksPage {

    private static final int PAGE = 50;

    private final WebhookEndpointService endpoints;
    private final WebhookDeliveries deliveries;
    private final Validator validator;

    WebhooksPage(WebhookEndpointService endpoints, WebhookDeliveries deliveries, Validator validator) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.validator = validator;
    }

    @GetMapping
    String list(@AuthenticationPrincipal DashboardUser user, @RequestParam(required = false) @Nullable String startingAfter, Model model) {
        model.addAttribute("endpoints", endpoints.list(user.tenant(), new PageRequest(PAGE, blankToNull(startingAfter), null)));
        return "dashboard/developers/webhooks";
    }

    @PostMapping
    ModelAndView create(@AuthenticationPrincipal DashboardUser user, @RequestParam(required = false) @Nullable String url,
                        @RequestParam(required = false) @Nullable String events, RedirectAttributes flash) {
        WebhookEndpointCreate request = new WebhookEndpointCreate(url, eventTypes(events), null, null);
        Map<String, String> errors = new HashMap<>(FormErrors.byField(validator.validate(request)));
        if (errors.isEmpty()) {
            try {
                WebhookEndpoint created = endpoints.create(user.tenant(), request);
                flash.addFlashAttribute("secret", created.secret());
                return new ModelAndView("redirect:/dashboard/developers/webhooks/" + created.id());
            } catch (ApiProblem problem) {
                // The URL rules (public address, scheme, a host that resolves) are the service's; show its words.
                if (problem.status() != HttpStatus.BAD_REQUEST || problem.param() == null) {
                    throw problem;
                }
                errors.put(problem.param(), problem.detail());
            }
        }
        ModelAndView page = new ModelAndView("dashboard/developers/webhooks");
        page.setStatus(HttpStatus.BAD_REQUEST);
        page.addObject("endpoints", endpoints.list(user.tenant(), new PageRequest(PAGE, null, null)));
        page.addObject("errors", errors);
        page.addObject("url", url);
        page.addObject("events", events);
        return page;
    }

    @GetMapping("/{id}")
    String endpoint(@AuthenticationPrincipal DashboardUser user, @PathVariable String id,
                    @RequestParam(required = false) @Nullable String startingAfter, Model model) {
        model.addAttribute("endpoint", endpoints.get(user.tenant(), id));
        model.addAttribute("deliveries", deliveries.list(user.tenant(), id, new PageRequest(PAGE, blankToNull(startingAfter), null)));
        return "dashboard/developers/webhook";
    }

    /** The form's event types: one per line or comma-separated, as a person would type a list. */
    static List<String> eventTypes(@Nullable String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("[,\\r\\n]+")).map(String::strip).filter(type -> !type.isEmpty()).toList();
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
