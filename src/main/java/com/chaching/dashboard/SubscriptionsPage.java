package com.chaching.dashboard;

import com.chaching.platform.ApiProblem;
import com.chaching.platform.Page;
import com.chaching.platform.PageRequest;
import com.chaching.subscriptions.Subscription;
import com.chaching.subscriptions.SubscriptionFilter;
import com.chaching.subscriptions.SubscriptionService;
import com.chaching.subscriptions.SubscriptionStatus;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The subscriptions list (filtered by status, keyset paging in the URL) and a subscription's page. */
@Controller
class SubscriptionsPage {

    /** Rows per page of the list: the API's default page size. */
    static final int PAGE_SIZE = PageRequest.DEFAULT_LIMIT;
    /** Every status, as the filter offers them. */
    static final List<String> STATUSES = EnumChoices.values(SubscriptionStatus.values(), SubscriptionStatus::value);

    private final SubscriptionService subscriptions;
    private final SubscriptionView view;

    SubscriptionsPage(SubscriptionService subscriptions, SubscriptionView view) {
        this.subscriptions = subscriptions;
        this.view = view;
    }

    @GetMapping("/dashboard/subscriptions")
    String list(@AuthenticationPrincipal DashboardUser user,
                @RequestParam(required = false) @Size(max = 50) @Nullable String status,
                @RequestParam(required = false) @Size(max = 255) @Nullable String startingAfter,
                @RequestParam(required = false) @Size(max = 255) @Nullable String endingBefore,
                Model model) {
        SubscriptionStatus filter = status == null || status.isBlank() ? null : status(status.strip());
        // The same service call as GET /subscriptions?status=…
        PageRequest request = new PageRequest(PAGE_SIZE, startingAfter, endingBefore);
        Page<Subscription> found = subscriptions.list(user.tenant(), new SubscriptionFilter(null, filter, null), request);
        model.addAttribute("rows", view.priced(user.tenant(), found.data()));
        model.addAttribute("status", filter == null ? "" : filter.value());
        model.addAttribute("statuses", STATUSES);
        UriComponentsBuilder address = UriComponentsBuilder.fromPath("/dashboard/subscriptions");
        if (filter != null) {
            address.queryParam("status", filter.value());
        }
        model.addAttribute("pager", ListPager.of(found, request, Subscription::id, address));
        return "dashboard/subscriptions/list";
    }

    @GetMapping("/dashboard/subscriptions/{id}")
    String subscription(@AuthenticationPrincipal DashboardUser user, @PathVariable @Size(max = 255) String id, Model model) {
        return view.page(user.tenant(), id, SubscriptionView.Forms.none(), model);
    }

    private static SubscriptionStatus status(String value) {
        return EnumChoices.byValue(SubscriptionStatus.values(), SubscriptionStatus::value, value)
                .orElseThrow(() -> ApiProblem.invalid("status", "No such status: '" + value + "'. Choose one of " + String.join(", ", STATUSES) + "."));
    }
}
