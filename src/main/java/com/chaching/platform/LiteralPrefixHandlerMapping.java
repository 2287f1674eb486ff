package com.chaching.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
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

    /**
     * By identity: a mapping's own equals compares all its conditions. Copied on write, which happens while
     * the mappings are registered at start-up, so that the reads on every request take no lock.
     */
    private volatile Map<RequestMappingInfo, String[]> literalPrefixes = new IdentityHashMap<>();
    /** The path being looked up, set for the length of one look-up on its thread: read once per mapping. */
    private final ThreadLocal<@Nullable String> lookupPath = new ThreadLocal<>();

    @Override
    protected synchronized void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        PathPatternsRequestCondition patterns = mapping.getPathPatternsCondition();
        if (patterns != null) {
            Map<RequestMappingInfo, String[]> updated = new IdentityHashMap<>(literalPrefixes);
            updated.put(mapping, patterns.getPatterns().stream().map(LiteralPrefixHandlerMapping::literalPrefix).toArray(String[]::new));
            literalPrefixes = updated;
        }
    }

    @Override
    protected @Nullable HandlerMethod lookupHandlerMethod(String path, HttpServletRequest request) throws Exception {
        lookupPath.set(path);
        try {
            return super.lookupHandlerMethod(path, request);
        } finally {
            lookupPath.remove();
        }
    }

    @Override
    protected @Nullable RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
        String[] prefixes = literalPrefixes.get(info);
        String path = lookupPath.get();
        if (prefixes != null && path != null && !mayMatch(prefixes, path)) {
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
