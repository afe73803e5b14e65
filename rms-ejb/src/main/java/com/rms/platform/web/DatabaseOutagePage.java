package com.rms.platform.web;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.persistence.DatabaseOutage;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The two web apps' answer while the database cannot be reached ({@link DatabaseOutage}): a page
 * that says so, 503 with {@code Retry-After}, instead of the generic "something went wrong" — the
 * cashier waits a moment and tries again, nothing is broken. Declared in both web.xml files, right
 * after the security headers, so it wraps every page, action and request filter.
 */
public class DatabaseOutagePage extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final RmsLog LOG = RmsLog.of(DatabaseOutagePage.class);

    static final String RETRY_AFTER_SECONDS = "5";

    static final String PAGE = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"UTF-8\"/>"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>"
            + "<meta http-equiv=\"refresh\" content=\"" + RETRY_AFTER_SECONDS + "\"/>"
            + "<title>Database unavailable · RMS</title><style>body{font-family:system-ui,sans-serif;display:flex;"
            + "align-items:center;justify-content:center;min-height:100vh;margin:0}main{max-width:32rem;padding:2rem;"
            + "text-align:center}</style></head>\n<body><main><h1>The database is unavailable</h1>"
            + "<p>RMS cannot reach its database just now. Nothing was lost: what was confirmed is saved. "
            + "This page tries again in a few seconds; if it keeps showing, tell your administrator.</p>"
            + "</main></body></html>\n";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            if (!DatabaseOutage.isOutage(failure) || response.isCommitted()) {
                throw failure;
            }
            LOG.warn(LogContext.REQUEST, "database unreachable during " + request.getMethod() + " "
                    + RmsLog.clip(request.getRequestURI()) + ": " + RmsLog.clip(String.valueOf(failure)));
            answer(response);
        }
    }

    static void answer(HttpServletResponse response) throws IOException {
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setContentType("text/html;charset=UTF-8");
        response.getOutputStream().write(PAGE.getBytes(StandardCharsets.UTF_8));
    }
}
