package com.chaching.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard's home: for now the account's name only; revenue and what needs attention come in later slices. */
@Controller
class HomePage {

    @GetMapping("/dashboard")
    String home() {
        return "dashboard/home";
    }
}
