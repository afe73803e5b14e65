package com.rms.web.edge;

import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Charges the tenant's budget (its own limit from the registry, or {@code rms.ratelimit.tenant.rps})
 * for a tenant-scoped call, after {@link TenantFilter} accepted it: the caller is authenticated and
 * belongs to the tenant (or is a platform admin), and the tenant exists. So no one can drain another
 * tenant's budget by naming it, and the buckets are only ever keyed by real tenants.
 */
@Provider
@TenantScoped
@Priority(Priorities.AUTHORIZATION + 20)
public class TenantRateLimitFilter implements ContainerRequestFilter {

    @Inject
    TenantRegistry tenants;

    @Inject
    @ConfigProperty(name = "rms.ratelimit.tenant.rps", defaultValue = "20000")
    int tenantRps;

    @Override
    public void filter(ContainerRequestContext request) {
        TenantContext.current().ifPresent(tenant -> {
            int rps = tenants.find(tenant.slug()).map(TenantRegistry.Entry::rateLimitRps).orElse(tenantRps);
            RateLimitFilter.charge("t|" + tenant.slug(), rps, "tenant " + tenant.slug());
        });
    }
}
