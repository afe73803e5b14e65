package com.rms.web.edge;

import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.error.AuthenticationException;
import com.rms.staff.application.StaffGrants;
import jakarta.inject.Inject;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Turns the validated token (MicroProfile JWT) into the {@link Caller} the services see, and
 * refuses a call without one to anything not open to all, before the role check would make the
 * container answer a bare 401. A staff token (its {@code sub} is the staff id) is checked against
 * the member's current record through {@link StaffGrants}: deactivated or deleted is 401, and
 * roles or outlets taken away since sign-in are no longer granted, on every server within 30 s.
 * Partner endpoints ({@link PartnerSigned}) are left to {@link PartnerSignatureFilter}.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class CallerFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Inject
    StaffGrants grants;

    @Override
    public void filter(ContainerRequestContext request) {
        if (PartnerSignatureFilter.isPartnerEndpoint(resource)) {
            // a partner endpoint: its signature is the credential (PartnerSignatureFilter), never a token
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() instanceof JsonWebToken jwt) {
            CallerContext.set(grants.forSubject(callerOf(jwt), jwt.getSubject()));
        } else if (!isOpen(resource.getResourceMethod(), resource.getResourceClass())) {
            throw new AuthenticationException("a valid bearer token is required");
        }
    }

    private static boolean isOpen(java.lang.reflect.Method method, Class<?> type) {
        if (method == null) {
            return true;
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return true;
        }
        return !method.isAnnotationPresent(RolesAllowed.class) && !method.isAnnotationPresent(DenyAll.class)
                && type.isAnnotationPresent(PermitAll.class);
    }

    static Caller callerOf(JsonWebToken jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String group : jwt.getGroups() == null ? Set.<String>of() : jwt.getGroups()) {
            try {
                roles.add(Role.valueOf(group));
            } catch (IllegalArgumentException unknownGroup) {
                // groups that are not RMS roles grant nothing
            }
        }
        Set<Long> outlets = new HashSet<>();
        Object claim = jwt.getClaim("outlets");
        if (claim instanceof JsonArray array) {
            array.forEach(v -> {
                if (v instanceof JsonNumber n) {
                    outlets.add(n.longValue());
                } else if (v instanceof JsonString s) {
                    outlets.add(Long.parseLong(s.getString()));
                }
            });
        } else if (claim instanceof Iterable<?> values) {
            values.forEach(v -> outlets.add(Long.parseLong(String.valueOf(v))));
        }
        Object tenant = jwt.getClaim("tenant");
        String tenantSlug = tenant instanceof JsonString s ? s.getString() : tenant == null ? null : tenant.toString();
        return new Caller(jwt.getName(), tenantSlug, roles, outlets);
    }
}
