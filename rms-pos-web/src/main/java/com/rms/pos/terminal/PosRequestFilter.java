package com.rms.pos.terminal;

import com.rms.platform.error.RmsException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.ClientAddress;
import com.rms.platform.security.RequestFacts;
import com.rms.staff.application.StaffGrants;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.application.StaffIdentity;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Every POS page but the sign-in needs a PIN session: without one the terminal goes back to the
 * sign-in. With one, the request works in the session's tenant as the signed-in staff member
 * (limited to their outlet), cleared in {@code finally} because the container reuses threads. A
 * tenant that stopped serving ends the session, and so does a staff member deactivated since (or
 * left with none of the session's roles), within the 30 s {@link StaffGrants} keeps a record.
 */
@WebFilter(filterName = "posRequestFilter", urlPatterns = "/*")
public class PosRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final RmsLog LOG = RmsLog.of(PosRequestFilter.class);
    static final String SIGN_IN = "/signin.xhtml";

    @Inject
    PosSession session;

    @Inject
    TenantRegistry tenants;

    @Inject
    StaffGrants grants;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        boolean open = SIGN_IN.equals(path) || path.startsWith("/jakarta.faces.resource/");
        StaffIdentity staff = request.getSession(false) == null ? null : session.staff().orElse(null);
        if (staff == null) {
            if (open) {
                chain.doFilter(request, response);
            } else {
                response.sendRedirect(request.getContextPath() + SIGN_IN);
            }
            return;
        }
        TenantRegistry.Entry tenant;
        try {
            tenant = tenants.requireServing(staff.tenant());
        } catch (RmsException notServing) {
            LOG.warn(LogContext.SECURITY, "POS session of " + staff.username() + " ended: " + notServing.getMessage());
            HttpSession httpSession = request.getSession(false);
            if (httpSession != null) {
                httpSession.invalidate();
            }
            response.sendRedirect(request.getContextPath() + SIGN_IN);
            return;
        }
        Caller caller;
        try {
            caller = grants.current(staff.asCaller(), staff.staffId());
        } catch (AuthenticationException revoked) {
            LOG.warn(LogContext.SECURITY, "POS session of " + staff.username() + " ended: " + revoked.getMessage());
            HttpSession httpSession = request.getSession(false);
            if (httpSession != null) {
                httpSession.invalidate();
            }
            response.sendRedirect(request.getContextPath() + SIGN_IN);
            return;
        }
        TenantContext.set(tenant.context());
        CallerContext.set(caller);
        CallerContext.setRequest(new RequestFacts(request.getMethod(), request.getRequestURI(),
                clientAddress.of(request), true));
        try {
            chain.doFilter(request, response);
        } finally {
            CallerContext.clear();
            TenantContext.clear();
        }
    }
}
