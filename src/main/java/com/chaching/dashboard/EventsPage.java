package com.chaching.dashboard;

import com.chaching.events.Event;
import com.chaching.events.EventFilter;
import com.chaching.events.EventService;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import jakarta.validation.Validator;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

/** The event log, newest first, filtered by type in the URL; and one event with its data as the API gives it. */
@Controller
@RequestMapping("/dashboard/developers/events")
class EventsPage {

    private static final int PAGE = 50;

    private final EventService events;
    private final Validator validator;
    private final JsonMapper json;

    EventsPage(EventService events, Validator validator, JsonMapper json) {
        this.events = events;
        this.validator = validator;
        this.json = json;
    }

    @GetMapping
    ModelAndView list(@AuthenticationPrincipal DashboardUser user, @RequestParam(required = false) @Nullable String type,
                      @RequestParam(required = false) @Nullable String startingAfter) {
        EventFilter filter = new EventFilter(blankToNull(type), null, null);
        Map<String, String> errors = FormErrors.byField(validator.validate(filter));
        ModelAndView page = new ModelAndView("dashboard/developers/events");
        page.addObject("type", type);
        if (!errors.isEmpty()) {
            // A type the API would refuse: the filter's message in place, and no list.
            page.setStatus(HttpStatus.BAD_REQUEST);
            page.addObject("errors", errors);
            page.addObject("events", Page.<Event>of(List.of(), false));
            return page;
        }
        page.addObject("events", events.list(user.tenant(), filter, new PageRequest(PAGE, blankToNull(startingAfter), null)));
        return page;
    }

    @GetMapping("/{id}")
    ModelAndView event(@AuthenticationPrincipal DashboardUser user, @PathVariable String id) {
        Event event = events.get(user.tenant(), id);
        ModelAndView page = new ModelAndView("dashboard/developers/event");
        page.addObject("event", event);
        // Shown in a <pre> through th:text, so a customer named <script> reads as text.
        page.addObject("data", json.writerWithDefaultPrettyPrinter().writeValueAsString(event.data()));
        return page;
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
