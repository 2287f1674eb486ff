package com.chaching.dashboard;

import com.chaching.accounts.Account;
import com.chaching.accounts.AccountService;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import tools.jackson.databind.json.JsonMapper;

/** What every dashboard page's layout shows and needs: the signed-in account, and the CSRF header htmx sends. */
@ControllerAdvice(basePackageClasses = DashboardLayout.class)
class DashboardLayout {

    private final AccountService accounts;
    private final JsonMapper json;

    DashboardLayout(AccountService accounts, JsonMapper json) {
        this.accounts = accounts;
        this.json = json;
    }

    /** The account the header names; none on the sign-in page. */
    @ModelAttribute("account")
    @Nullable Account account(@AuthenticationPrincipal @Nullable DashboardUser user) {
        return user == null ? null : accounts.get(user.tenant());
    }

    /** The body's hx-headers: every htmx request carries the session's CSRF token, as every form does. */
    @ModelAttribute("htmxHeaders")
    String htmxHeaders(CsrfToken csrf) {
        return json.writeValueAsString(Map.of(csrf.getHeaderName(), csrf.getToken()));
    }
}
