package com.rms.realtime.api;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.TokenVerifier;
import com.rms.web.edge.Problem;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Refuses a socket handshake without a valid token with a 401 problem before any upgrade. */
@WebFilter(urlPatterns = "/ws/*", asyncSupported = true)
public class SocketHandshakeFilter extends HttpFilter {

    @Inject
    TokenVerifier verifier;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            verifier.verifySocket(token(request));
        } catch (AuthenticationException e) {
            Problem.of(e, request.getRequestURI(), CallerContext.requestId()).write(response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String token(HttpServletRequest request) {
        String query = request.getParameter("access_token");
        if (query != null) {
            return query;
        }
        String protocols = request.getHeader("Sec-WebSocket-Protocol");
        if (protocols == null) {
            return null;
        }
        List<String> offered = Arrays.stream(protocols.split(",")).map(String::trim).toList();
        int bearer = offered.indexOf(TokenSubprotocol.BEARER);
        return bearer >= 0 && bearer + 1 < offered.size() ? offered.get(bearer + 1) : null;
    }
}
