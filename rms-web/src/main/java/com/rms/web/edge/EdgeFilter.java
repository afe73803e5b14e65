package com.rms.web.edge;

import com.rms.platform.error.PayloadTooLargeException;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.ClientAddress;
import com.rms.platform.security.RequestFacts;
import com.rms.platform.tenant.TenantContext;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * First and last thing on every request: gives it a request id (echoed in {@code X-Request-ID}),
 * captures the {@link RequestFacts} the error path and the rate limiter read, refuses bodies over
 * the configured limit, and clears the tenant, caller and request from the thread whatever happens.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class EdgeFilter extends HttpFilter {

    public static final String REQUEST_ID = "X-Request-ID";
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Inject
    @ConfigProperty(name = "rms.http.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String incoming = request.getHeader(REQUEST_ID);
        String requestId = incoming != null && SAFE_ID.matcher(incoming).matches() ? incoming : newRequestId();
        CallerContext.setRequestId(requestId);
        CallerContext.setRequest(new RequestFacts(request.getMethod(), request.getRequestURI(),
                clientAddress.of(request), request.getUserPrincipal() != null));
        response.setHeader(REQUEST_ID, requestId);
        try {
            if (request.getContentLengthLong() > maxBodyBytes) {
                Problem.of(tooLarge(), CallerContext.request().path(), requestId).write(response);
                return;
            }
            chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, maxBodyBytes) : request, response);
        } finally {
            TenantContext.clear();
            CallerContext.clear();
        }
    }

    /**
     * A random id in the UUID (version 4) form. Not {@code UUID.randomUUID()}: its shared
     * {@code SecureRandom} is a lock every request took, and a request id is a correlation key, not
     * a secret (the client sees it, and may choose it).
     */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    private PayloadTooLargeException tooLarge() {
        return new PayloadTooLargeException("the request body is over the limit of " + maxBodyBytes + " bytes");
    }

    /** A body of unknown length (chunked) that fails once it passes the limit. */
    private final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int offset, int length) throws IOException {
                        int n = in.read(buffer, offset, length);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) {
                        read += n;
                        if (read > limit) {
                            throw tooLarge();
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
