package com.rms.platform.api;

import com.rms.platform.security.CallerContext;
import com.rms.platform.security.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Resolves the client's address once per request, from the servlet request itself rather than a
 * JAX-RS context proxy, for the sign-in budget and the PIN lockout of the resources and services.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ClientAddressFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        CallerContext.setClientAddress(clientAddress.of(request));
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.setClientAddress(null);
        }
    }
}
