package com.rms.web.edge;

import com.rms.platform.error.TenantIsolationException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantSlug;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * Resolves the tenant of a tenant-scoped request: {@code X-Tenant-ID} must be present (400), be a
 * well-formed slug (400, before it is compared, looked up or logged) and equal the token's tenant
 * (403 {@code tenant-isolation}) unless the caller is a platform admin; the tenant must be serving (404, 403 suspended, 503 unavailable). Then the thread works in it.
 */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 10)
public class TenantFilter implements ContainerRequestFilter {

    public static final String TENANT_HEADER = "X-Tenant-ID";

    @Inject
    TenantRegistry tenants;

    @Override
    public void filter(ContainerRequestContext request) {
        String slug = request.getHeaderString(TENANT_HEADER);
        if (slug == null || slug.isBlank()) {
            throw new ValidationException("the X-Tenant-ID header is required",
                    List.of(new FieldError(TENANT_HEADER, "is required")));
        }
        if (!TenantSlug.isWellFormed(slug)) {
            // Never echoed: the header may be of any length and content; only its shape is told.
            throw new ValidationException("the X-Tenant-ID header is not a tenant slug",
                    List.of(new FieldError(TENANT_HEADER, TenantSlug.RULE)));
        }
        Caller caller = CallerContext.current();
        if (!caller.isPlatformAdmin() && !slug.equals(caller.tenant())) {
            throw new TenantIsolationException("the token is not valid for tenant '" + slug + "'");
        }
        TenantContext.set(tenants.requireServing(slug).context());
    }
}
