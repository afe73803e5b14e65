package com.rms.web.edge;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.TokenBucket;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Rate limits per client: the signed-in user (keyed by the tenant of their token, which the server
 * signed), or the client's address for anonymous calls. Over the limit: 429 with
 * {@code Retry-After}. Buckets hold one second of burst. The tenant's own budget is charged later,
 * by {@link TenantRateLimitFilter}, once the caller is known to belong to the tenant: nothing a
 * client puts in a header picks the bucket it drains.
 */
@Provider
@Priority(Priorities.AUTHENTICATION + 10)
public class RateLimitFilter implements ContainerRequestFilter {

    /**
     * Bounded and expiring: an idle bucket refills within a second, so dropping one that was idle
     * for a minute changes no answer, and a flood of distinct clients evicts the least recently used
     * instead of growing memory or (as the map cleared at 100k did) resetting every bucket at once.
     */
    static final Cache<String, TokenBucket> BUCKETS = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterAccess(Duration.ofMinutes(1))
            .build();

    @Inject
    @ConfigProperty(name = "rms.ratelimit.client.rps", defaultValue = "10000")
    int clientRps;

    @Override
    public void filter(ContainerRequestContext request) {
        Caller caller = CallerContext.current();
        String client = CallerContext.isAuthenticated() && caller != Caller.SYSTEM
                ? "u|" + caller.tenant() + "|" + caller.username()
                : "a|" + clientAddress();
        charge(client, clientRps, "this client");
    }

    /** The address anonymous calls are counted by, as the edge filter resolved it (trusted proxies honoured). */
    private static String clientAddress() {
        return CallerContext.request().remoteAddress();
    }

    /** Takes a token from the bucket of {@code key}, or refuses with 429 and when to retry. */
    static void charge(String key, int rps, String who) {
        long now = System.nanoTime();
        long wait = BUCKETS.get(key + "|" + rps, k -> new TokenBucket(rps, rps, now)).tryTake(now);
        if (wait > 0) {
            throw new RateLimitedException("over the request rate of " + who + " (" + rps + "/s)",
                    (wait + 999_999_999L) / 1_000_000_000L);
        }
    }
}
