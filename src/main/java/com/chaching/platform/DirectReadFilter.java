package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.filter.ServerHttpObservationFilter;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers the {@link DirectRead}s — {@code GET /customers/{externalKey}}, the read integrations make most — in
 * place of the {@code DispatcherServlet}, whose handler lookup, argument resolution, method validation and
 * content negotiation cost about half a read's server time (issue 14, docs/benchmarks.md). It runs after every
 * other filter, so the request id, the guards, the API key, Spring Security's firewall and the request
 * metrics apply as to any request; it then reads the object and writes it with the API's JSON writer.
 * Anything it is not sure of goes the general way: a query string, a key of another shape, another method.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1)
class DirectReadFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DirectReadFilter.class);

    /** A direct read with the path before its variable ({@code /customers/}). */
    private record Route(String prefix, DirectRead read) {
    }

    private final List<Route> routes;
    /** The API's JSON writer, one for each mode, so that every object says whether its account is live. */
    private final ObjectWriter liveWriter;
    private final ObjectWriter sandboxWriter;
    private final ProblemResponses problems;

    DirectReadFilter(List<DirectRead> reads, JsonMapper json, ProblemResponses problems) {
        this.routes = reads.stream().map(read -> new Route(literalPrefix(read.pathPattern()), read)).toList();
        this.liveWriter = json.writer().withAttribute(LivemodeProperty.ATTRIBUTE, true);
        this.sandboxWriter = json.writer().withAttribute(LivemodeProperty.ATTRIBUTE, false);
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || request.getQueryString() != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        Object tenant = request.getAttribute(Tenant.REQUEST_ATTRIBUTE);
        for (Route route : routes) {
            String key = keyOf(route, path);
            if (key != null && tenant instanceof Tenant known) {
                answer(route.read(), known, key, request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void answer(DirectRead read, Tenant tenant, String key, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        // The request metrics name the mapping, as they do when Spring MVC finds it.
        ServerHttpObservationFilter.findObservationContext(request).ifPresent(context -> context.setPathPattern(read.pathPattern()));
        byte[] body;
        try {
            body = (tenant.livemode() ? liveWriter : sandboxWriter).writeValueAsBytes(read.read(tenant, key));
        } catch (ApiProblem problem) {
            problems.write(response, problem);
            return;
        } catch (RuntimeException e) {
            if (DatabaseBusy.isCause(e)) {
                DatabaseBusy.write(response, problems, e);
                return;
            }
            log.error("request failed", e);
            problems.write(response, ApiExceptionHandler.internalError());
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** The key the path names for this route, or null when the path is not one the route answers as the controller would. */
    private static @Nullable String keyOf(Route route, String path) {
        if (!path.startsWith(route.prefix())) {
            return null;
        }
        String key = path.substring(route.prefix().length());
        // The raw path: a key of the accepted shape holds no %-escape, slash or semicolon, so it is its own decoded form.
        // A key with a dot goes the general way, which may answer it with a Content-Disposition header: Spring MVC's
        // guard against reflected file downloads reads a dot in the path as a file extension.
        boolean answered = key.indexOf('.') < 0 && route.read().keyShape().matcher(key).matches()
                && !route.read().otherEndpoints().contains(key);
        return answered ? key : null;
    }

    /** The path up to the pattern's variable, as the request mapping's shortcut reads it; the variable must end it. */
    private static String literalPrefix(String pattern) {
        String prefix = LiteralPrefixHandlerMapping.literalPrefix(PathPatternParser.defaultInstance.parse(pattern));
        if (!pattern.startsWith(prefix + "{") || pattern.indexOf('}') != pattern.length() - 1) {
            throw new IllegalArgumentException("a direct read's pattern ends with its only variable: " + pattern);
        }
        return prefix;
    }
}
