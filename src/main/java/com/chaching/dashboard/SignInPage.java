package com.chaching.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security takes its POST (DashboardSecurityConfiguration). */
@Controller
class SignInPage {

    @GetMapping(DashboardSecurityConfiguration.SIGN_IN)
    String form() {
        return "dashboard/sign-in";
    }
}
