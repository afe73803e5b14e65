package com.rms.admin.security;

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
import java.security.Principal;

/**
 * Puts every request of a signed-in staff member into their tenant and makes them the caller the
 * application services see, cleared in {@code finally} because the container reuses threads. The
 * tenant must still be serving: a tenant suspended while someone is signed in ends the session,
 * and so does a staff member deactivated since (or left with none of the session's roles), within
 * the 30 s {@link StaffGrants} keeps a record; roles or outlets taken away are no longer granted.
 * A container login without a matching session identity (the session expired but the single
 * sign-on cookie did not) is logged out rather than guessed.
 */
@WebFilter(filterName = "staffRequestFilter", urlPatterns = "/*")
public class StaffRequestFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final RmsLog LOG = RmsLog.of(StaffRequestFilter.class);

    @Inject
    AdminSession session;

    @Inject
    TenantRegistry tenants;

    @Inject
    StaffGrants grants;

    @Inject
    ClientAddress clientAddress;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        StaffIdentity identity = session.identity()
                .filter(id -> StaffIdentityStore.principalName(id).equals(principal.getName())).orElse(null);
        if (identity == null) {
            LOG.warn(LogContext.SECURITY, "container login of " + principal.getName() + " without a session identity: signed out");
            signOut(request, response, "expired");
            return;
        }
        TenantRegistry.Entry tenant;
        try {
            tenant = tenants.requireServing(identity.tenant());
        } catch (RmsException notServing) {
            LOG.warn(LogContext.SECURITY, "signed out " + principal.getName() + ": " + notServing.getMessage());
            signOut(request, response, "unavailable");
            return;
        }
        Caller caller;
        try {
            caller = grants.current(identity.asCaller(), identity.staffId());
        } catch (AuthenticationException revoked) {
            LOG.warn(LogContext.SECURITY, "signed out " + principal.getName() + ": " + revoked.getMessage());
            signOut(request, response, "expired");
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

    private static void signOut(HttpServletRequest request, HttpServletResponse response, String reason)
            throws ServletException, IOException {
        request.logout();
        HttpSession httpSession = request.getSession(false);
        if (httpSession != null) {
            httpSession.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml?signedOut=" + reason);
    }
}
