package com.chaching.dashboard;

import com.chaching.platform.ApiProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * A service's refusal met by a dashboard page and not handled there answers with its status and a plain
 * page, not the API's JSON. Ordered first, so that it wins over the API's handler for the dashboard's
 * controllers only. A page whose action can be refused in the ordinary course (a form, a state change) shows
 * the refusal in place instead; this is what is left.
 * What names nothing (another account's id, a cursor not in the list) never gets here: {@link
 * DashboardNotFound} answers it, with the dashboard's one 404 page.
 */
@ControllerAdvice(basePackageClasses = DashboardProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardProblems {

    @ExceptionHandler(ApiProblem.class)
    ModelAndView problem(ApiProblem problem) {
        ModelAndView page = new ModelAndView("dashboard/problem");
        page.setStatus(problem.status());
        page.addObject("status", problem.status().value());
        page.addObject("heading", "That did not work");
        page.addObject("detail", problem.detail());
        return page;
    }
}
