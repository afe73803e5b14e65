package com.rms.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DatabaseOutagePageTest {

    /** What the filter wrote: status, headers, body. */
    private static final class Recorded {
        int status = 200;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
    }

    private static HttpServletResponse response(Recorded recorded) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                recorded.body.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }
        };
        return (HttpServletResponse) Proxy.newProxyInstance(DatabaseOutagePageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> {
                        recorded.status = (Integer) args[0];
                        yield null;
                    }
                    case "setHeader" -> {
                        recorded.headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "setContentType" -> {
                        recorded.headers.put("Content-Type", (String) args[0]);
                        yield null;
                    }
                    case "getOutputStream" -> out;
                    case "isCommitted" -> false;
                    default -> null;
                });
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(DatabaseOutagePageTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getMethod" -> "POST";
                    case "getRequestURI" -> "/pos/sale.xhtml";
                    default -> null;
                });
    }

    private static void run(Exception thrown, Recorded recorded) throws Exception {
        FilterChain chain = (req, res) -> {
            if (thrown instanceof ServletException s) {
                throw s;
            }
            throw (RuntimeException) thrown;
        };
        new DatabaseOutagePage().doFilter(request(), response(recorded), chain);
    }

    @Test
    void anOutageAnywhereUnderAPageSaysTheDatabaseIsUnavailable() throws Exception {
        Recorded recorded = new Recorded();
        run(new ServletException("action failed", new IllegalStateException(new SQLException("Connection refused", "08001"))),
                recorded);
        assertEquals(503, recorded.status);
        assertEquals(DatabaseOutagePage.RETRY_AFTER_SECONDS, recorded.headers.get("Retry-After"));
        String page = recorded.body.toString(StandardCharsets.UTF_8);
        assertTrue(page.contains("The database is unavailable"), page);
        assertTrue(!page.contains("08001") && !page.contains("refused"), "no internals: " + page);
    }

    @Test
    void anyOtherFailureGoesOnToTheUsualErrorPage() {
        RuntimeException defect = new IllegalStateException("a bug");
        Recorded recorded = new Recorded();
        assertSame(defect, assertThrows(IllegalStateException.class, () -> run(defect, recorded)));
        assertEquals(200, recorded.status, "nothing written");
    }
}
