package com.rms.pos.terminal;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Instant;

/**
 * Signs a terminal out after {@link PosIdle} without use, and counts every request but the socket
 * token's as use. The HTTP session has the same timeout (set at sign-in), but a page's socket
 * reconnecting touches the HTTP session too; this filter is what makes that not count.
 */
@WebFilter(filterName = "posIdleFilter", urlPatterns = "/*")
public class PosIdleFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final RmsLog LOG = RmsLog.of(PosIdleFilter.class);

    @Inject
    PosSession session;

    @Inject
    PosIdle idle;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession http = request.getSession(false);
        if (http == null || !session.isSignedIn() || SocketTokenServlet.PATH.equals(request.getServletPath())) {
            chain.doFilter(request, response);
            return;
        }
        Instant now = idle.now();
        if (now.isAfter(session.idleUntil(idle.timeout()))) {
            LOG.info(LogContext.SECURITY, "POS session of " + session.staff().orElseThrow().username()
                    + " ended after " + idle.timeout().toMinutes() + " idle minutes");
            http.invalidate();
            signInAgain(request, response);
            return;
        }
        session.used(now);
        chain.doFilter(request, response);
    }

    /** An Ajax request gets the redirect as Faces' partial response, which the page follows. */
    static void signInAgain(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = request.getContextPath() + PosRequestFilter.SIGN_IN;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + target + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(target);
    }
}
