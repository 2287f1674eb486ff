package com.chaching.platform;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's last word on a request it refused before any filter ran (an encoded NUL or slash in the path,
 * a malformed escape): problem+json with a Request-Id, like every other error, instead of an HTML page.
 */
class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0) {
            return;
        }
        HttpStatus known = HttpStatus.resolve(status);
        boolean serverError = status >= 500;
        String code = serverError ? "internal_error" : "request_invalid";
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = serverError ? "An unexpected error occurred." : "The request could not be read: check its URL and headers.";
        try {
            response.setContentType(ProblemBody.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            if (response.getHeader(RequestIdFilter.HEADER) == null) {
                response.setHeader(RequestIdFilter.HEADER, Ids.newId("req"));
            }
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"urn:chaching:problem:" + code + "\",\"title\":\"" + title + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\",\"code\":\"" + code + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // The connection is gone or the response was committed meanwhile: nothing more can be said.
        }
    }
}
