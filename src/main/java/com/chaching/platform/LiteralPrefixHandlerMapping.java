package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Spring's request mapping, with a shortcut: a request whose path has a variable ({@code /customers/c-42})
 * is matched against every mapping, each asking the request for its method and its CORS headers through the
 * whole stack of request wrappers, which cost a fifth of a {@code GET} (issue 14). Here a mapping none of
 * whose patterns begins with the request's path up to the pattern's first variable or wildcard is passed
 * over at once; the rest are matched by Spring as before. A path with a %-escape is matched by Spring alone,
 * since a pattern's literal text matches its decoded form.
 */
final class LiteralPrefixHandlerMapping extends RequestMappingHandlerMapping {

    private final Map<RequestMappingInfo, String[]> literalPrefixes = new ConcurrentHashMap<>();

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        if (patterns != null) {
            literalPrefixes.put(mapping, patterns.getPatterns().stream().map(LiteralPrefixHandlerMapping::literalPrefix).toArray(String[]::new));
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String[] prefixes = literalPrefixes.get(info);
        if (prefixes != null && !mayMatch(prefixes, ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication().value())) {
            return null;
        }
        return super.getMatchingMapping(info, request);
    }

    static boolean mayMatch(String[] prefixes, String path) {
        if (path.indexOf('%') >= 0) {
            return true;
        }
        for (String prefix : prefixes) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** The pattern's text before its first variable, wildcard or regex: what a matching path must begin with. */
    static String literalPrefix(PathPattern pattern) {
        String text = pattern.getPatternString();
        int end = text.length();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{' || c == '*' || c == '?' || c == '\\') {
                end = i;
                break;
            }
        }
        return text.substring(0, end);
    }
}
