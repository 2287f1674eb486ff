package com.chaching.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses what no endpoint can take before any of them runs: a body over 1 MiB (413), a query string
 * that cannot be decoded and a query parameter holding a NUL character (400; PostgreSQL cannot store one). The body is read once, here, and
 * kept, so the idempotency check can hash the exact bytes the controller then reads. An API request's empty
 * query parameters are dropped here too ({@link WithoutEmptyQueryParameters}).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestGuardFilter extends OncePerRequestFilter {

    static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final byte[] NO_BODY = new byte[0];

    private final ProblemResponses problems;

    RequestGuardFilter(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (IllegalStateException malformed) {
            // Tomcat could not decode the query string (a bad %-escape, say).
            problems.write(response, new ApiProblem(HttpStatus.BAD_REQUEST, "parameter_invalid",
                    "The query string is malformed: check its %-escapes.", null, List.of()));
            return;
        }
        boolean anyEmpty = false;
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                anyEmpty |= value.isEmpty();
                if (value.indexOf('\u0000') >= 0 || parameter.getKey().indexOf('\u0000') >= 0) {
                    problems.write(response, ApiProblem.invalid(parameter.getKey().replace('\u0000', '?'),
                            "Query parameters may not contain the NUL character."));
                    return;
                }
            }
        }
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            problems.write(response, tooLarge());
            return;
        }
        // HTTP/1.1: a request with neither Content-Length nor Transfer-Encoding has no body (RFC 9112 6.3), and
        // asking Tomcat's stream for it anyway costs a read path a few per cent of its time.
        boolean noBody = request.getContentLengthLong() <= 0 && request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null;
        byte[] body = noBody ? NO_BODY : request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            problems.write(response, tooLarge());
            return;
        }
        HttpServletRequest api = anyEmpty && !PublicPaths.isDashboard(request.getRequestURI())
                ? WithoutEmptyQueryParameters.of(request, parameters) : request;
        chain.doFilter(new CachedBodyRequest(api, body), response);
    }

    private static ApiProblem tooLarge() {
        return new ApiProblem(HttpStatus.CONTENT_TOO_LARGE, "body_too_large",
                "The request body is larger than 1 MiB.", null, List.of());
    }

    /** A request whose body was read into memory; {@link #body()} gives the bytes to whoever asks. */
    static final class CachedBodyRequest extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        byte[] body() {
            return body;
        }

        @Override
        public ServletInputStream getInputStream() {
            InputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.markSupported() && available() == 0;
                }

                @Override
                public int available() {
                    try {
                        return in.available();
                    } catch (IOException e) {
                        return 0;
                    }
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is already in memory");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
