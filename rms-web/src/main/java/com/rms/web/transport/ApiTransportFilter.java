package com.rms.web.transport;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.security.CallerContext;
import com.rms.platform.web.TransportSecurity;
import com.rms.web.edge.Problem;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * HSTS on the API's HTTPS responses, and with {@code RMS_REQUIRE_HTTPS=true} a 403 problem for any
 * API or socket call over plain HTTP — not a redirect: the token already went over the wire in
 * clear, and a client that follows a redirect of a POST would send it (and the body) once more.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ApiTransportFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    private transient TransportSecurity transport;

    @Override
    public void init(FilterConfig config) throws ServletException {
        super.init(config);
        transport = TransportSecurity.from(ConfigProvider.getConfig(Thread.currentThread().getContextClassLoader()));
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (transport.refuses(request)) {
            Problem.of(new AuthorizationException("this server is used over HTTPS only: " + transport.httpsUrl(request)
                    .replaceFirst("\\?.*$", "")), request.getRequestURI(), CallerContext.requestId()).write(response);
            return;
        }
        transport.hsts(request).ifPresent(value -> response.setHeader("Strict-Transport-Security", value));
        chain.doFilter(request, response);
    }
}
