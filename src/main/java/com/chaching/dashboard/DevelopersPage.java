package com.chaching.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The Developers landing: links to API keys, webhook endpoints and the event log. */
@Controller
class DevelopersPage {

    @GetMapping("/dashboard/developers")
    String landing() {
        return "dashboard/developers/index";
    }
}
