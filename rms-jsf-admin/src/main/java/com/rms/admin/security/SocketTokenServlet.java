package com.rms.admin.security;

import com.rms.platform.security.TokenIssuer;
import com.rms.platform.web.SocketTokenAnswer;
import com.rms.staff.application.StaffIdentity;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /admin/socket-token}: a two-minute socket token for the signed-in back-office user,
 * fetched by a live page (the dashboard) right before each (re)connect of its {@code /ws/events}
 * socket, so no page embeds a token and the socket hears what the user's roles and outlets allow
 * (re-checked by the hub against the staff record). The socket is closed when the session would
 * time out if nothing else happened; the page then fetches a new token, which extends the session
 * like any request does: a live page open in a browser stays signed in, as it keeps refreshing
 * anyway. Once the session has ended the sign-in mechanism answers instead (a redirect), and the
 * page reloads into the sign-in.
 */
@WebServlet("/socket-token")
public class SocketTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient TokenIssuer tokens;

    @Inject
    transient AdminSession session;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession http = request.getSession(false);
        Optional<StaffIdentity> staff = http == null ? Optional.empty() : session.identity();
        if (staff.isEmpty()) {
            SocketTokenAnswer.refuse(response, "no back-office session");
            return;
        }
        int idleSeconds = http.getMaxInactiveInterval();
        Instant until = idleSeconds > 0 ? Instant.now().plusSeconds(idleSeconds) : Instant.now().plus(TokenIssuer.MAX_TTL);
        SocketTokenAnswer.token(response,
                tokens.issueSocket(String.valueOf(staff.get().staffId()), staff.get().asCaller(), until));
    }
}
