package com.rms.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The headers of the two web apps ({@code /admin}, {@code /pos}; declared in their web.xml, first):
 * a Content-Security-Policy that forbids framing ({@code frame-ancestors 'none'}, against
 * click-jacking a till or the back office) and loading anything from elsewhere, HSTS over HTTPS,
 * and the redirect to HTTPS when it is required. {@code nosniff} and the Referrer-Policy are on
 * every response of the server already (server.xml, httpEndpoint headers).
 *
 * <p>Scripts: PrimeFaces and Faces render inline scripts and handlers, and the pages have small
 * inline scripts of their own, so {@code script-src} allows {@code 'unsafe-inline'} for this
 * origin only; PrimeFaces' nonce mode ({@code primefaces.CSP}) does not cover Faces' own inline
 * handlers. Nothing from another origin may run, be framed, or receive a form.
 */
public class WebAppSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self' 'unsafe-inline'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

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
            // 308 keeps the method; what matters is that the browser goes on over HTTPS
            response.setStatus(308);
            response.setHeader("Location", transport.httpsUrl(request));
            return;
        }
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        transport.hsts(request).ifPresent(value -> response.setHeader("Strict-Transport-Security", value));
        chain.doFilter(request, response);
    }
}
