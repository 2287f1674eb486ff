package com.chaching.dashboard;

import com.chaching.platform.ApiProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * The dashboard's HTML 404 page, for a path under {@code /dashboard} that names nothing: a missing object or
 * another account's (the services answer both alike), an id in the URL that cannot be one, a page that does
 * not exist. It runs before the API's handler (which answers problem+json) and declines every other path, so
 * the API's 404s stay as they are. A {@code @ControllerAdvice} would not do: an unknown path has no controller.
 */
@Component
class DashboardNotFound implements HandlerExceptionResolver, Ordered {

    private final DashboardLayout layout;

    DashboardNotFound(DashboardLayout layout) {
        this.layout = layout;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
                                                   @Nullable Object handler, Exception failure) {
        String path = request.getRequestURI();
        if (!(path.equals("/dashboard") || path.startsWith("/dashboard/")) || !meansNotFound(failure)) {
            return null;
        }
        ModelAndView page = new ModelAndView("dashboard/not-found");
        page.setStatus(HttpStatus.NOT_FOUND);
        // What DashboardLayout adds to a controller's model; an unknown path has no controller to add it.
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        DashboardUser user = signedIn != null && signedIn.getPrincipal() instanceof DashboardUser owner ? owner : null;
        page.addObject("account", layout.account(user));
        if (request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken csrf) {
            page.addObject("htmxHeaders", layout.htmxHeaders(csrf));
        }
        return page;
    }

    private static boolean meansNotFound(Exception failure) {
        return switch (failure) {
            // resource_missing is also a paging cursor that names no object of the list: a URL naming nothing.
            case ApiProblem problem -> problem.status() == HttpStatus.NOT_FOUND || "resource_missing".equals(problem.code());
            case NoHandlerFoundException unknownPath -> true;
            case NoResourceFoundException unknownPath -> true;
            // A key in the path that breaks the key's pattern (CustomerRules.EXTERNAL_KEY) cannot name anything.
            case HandlerMethodValidationException malformed -> true;
            case MethodArgumentTypeMismatchException malformed -> true;
            default -> false;
        };
    }
}
