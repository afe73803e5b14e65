package com.rms.pos.terminal;

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
 * {@code POST /pos/socket-token}: a two-minute socket token for the signed-in terminal, fetched by
 * the page's script right before each (re)connect of its {@code /ws/events} socket — so no page
 * embeds a token, and what the socket gets is exactly the PIN session's roles and outlet. The
 * socket is closed when the session would time out for idleness; the page then fetches a new one,
 * which is refused (401) once the session has ended. Fetching is no use of the terminal (see
 * {@link PosIdleFilter}).
 */
@WebServlet(SocketTokenServlet.PATH)
public class SocketTokenServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final String PATH = "/socket-token";

    @Inject
    transient TokenIssuer tokens;

    @Inject
    transient PosSession session;

    @Inject
    transient PosIdle idle;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpSession http = request.getSession(false);
        Optional<StaffIdentity> staff = http == null ? Optional.empty() : session.staff();
        if (staff.isEmpty()) {
            SocketTokenAnswer.refuse(response, "no POS session");
            return;
        }
        Instant until = session.idleUntil(idle.timeout());
        if (!until.isAfter(idle.now())) {
            http.invalidate();
            SocketTokenAnswer.refuse(response, "the POS session has timed out");
            return;
        }
        SocketTokenAnswer.token(response,
                tokens.issueSocket(String.valueOf(staff.get().staffId()), staff.get().asCaller(), until));
    }
}
