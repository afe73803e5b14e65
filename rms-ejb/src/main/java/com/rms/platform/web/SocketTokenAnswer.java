package com.rms.platform.web;

import com.rms.platform.security.TokenIssuer.IssuedToken;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What a web app's {@code socket-token} servlet answers the page's script before it (re)connects
 * to {@code /ws/events}: the two-minute socket token, never cached, or 401 problem+json once the
 * signed-in session has ended (the script then reloads the page, which shows the sign-in). One shape
 * for the point of sale and the back office, since both pages run the same script.
 */
public final class SocketTokenAnswer {

    private SocketTokenAnswer() {
    }

    public static void token(HttpServletResponse response, IssuedToken issued) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("token", issued.token()).add("token_type", "Bearer")
                .add("expires_in", issued.expiresIn()).build().toString());
    }

    public static void refuse(HttpServletResponse response, String detail) throws IOException {
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("type", "urn:rms:problem:authentication")
                .add("title", "Unauthorized").add("status", 401).add("detail", detail).build().toString());
    }
}
