package com.chaching.dashboard;

import com.chaching.platform.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal met by a Developers page and not handled there answers with its status and a plain
 * page, not the API's JSON. Ordered first, so that it wins over the API's handler for these pages only.
 * What names nothing (another account's id, a cursor not in the list) never gets here: {@link
 * DashboardNotFound} answers it, with the dashboard's one 404 page.
 */
@ControllerAdvice(assignableTypes = {ApiKeysPage.class, WebhooksPage.class, EventsPage.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DevelopersProblems {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem) {
        ModelAndView page = new ModelAndView("dashboard/developers/problem");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("heading", "That did not work");
        page.addObject("detail", problem.detail());
        return page;
    }
}
