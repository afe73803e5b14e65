package com.rms.web.edge;

import com.rms.platform.error.RateLimitedException;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits per tenant (its own limit from the registry, or {@code rms.ratelimit.tenant.rps}) and
 * per client (the signed-in user, or the address for anonymous calls). Over the limit: 429 with
 * {@code Retry-After}. Buckets hold one second of burst.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

    /** Past this many buckets the idle ones are dropped, so spoofed clients cannot grow memory. */
    private static final int MAX_BUCKETS = 100_000;

    @Inject
    TenantRegistry tenants;

    @Inject
    @ConfigProperty(name = "rms.ratelimit.tenant.rps", defaultValue = "20000")
    int tenantRps;

    @Inject
    @ConfigProperty(name = "rms.ratelimit.client.rps", defaultValue = "10000")
    int clientRps;

    @Context
    HttpServletRequest servletRequest;

    private static final Map<String, TokenBucket> BUCKETS = new ConcurrentHashMap<>();

    @Override
    public void filter(ContainerRequestContext request) {
        long now = System.nanoTime();
        String tenant = request.getHeaderString(TenantFilter.TENANT_HEADER);
        if (tenant != null && !tenant.isBlank()) {
            int rps = tenants.find(tenant).map(TenantRegistry.Entry::rateLimitRps).orElse(tenantRps);
            check("t|" + tenant + "|" + rps, rps, now, "tenant " + tenant);
        }
        var principal = request.getSecurityContext().getUserPrincipal();
        String client = principal != null ? "u|" + tenant + "|" + principal.getName() : "a|" + servletRequest.getRemoteAddr();
        check(client, clientRps, now, "this client");
    }

    private void check(String key, int rps, long now, String who) {
        if (BUCKETS.size() > MAX_BUCKETS) {
            BUCKETS.clear();
        }
        long wait = BUCKETS.computeIfAbsent(key, k -> new TokenBucket(rps, rps, now)).tryTake(now);
        if (wait > 0) {
            throw new RateLimitedException("over the request rate of " + who + " (" + rps + "/s)",
                    (wait + 999_999_999L) / 1_000_000_000L);
        }
    }
}
