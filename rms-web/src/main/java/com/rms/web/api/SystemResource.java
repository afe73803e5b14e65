package com.rms.web.api;

import com.rms.payment.provider.CardGateway;
import com.rms.payment.provider.ProviderStatus;
import com.rms.platform.bootstrap.Bootstrap;
import com.rms.platform.health.Dependencies.Probe;
import com.rms.platform.health.Dependencies;
import com.rms.platform.security.Role.Names;
import com.rms.realtime.EventHub;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.web.edge.ApiTags;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The platform at a glance for its operators: contexts, uptime, memory, dependencies, queues, the card provider. */
@ApplicationScoped
@Path("/system")
@RolesAllowed(Names.PLATFORM_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = ApiTags.OPERATIONS)
public class SystemResource {

    @Inject
    Bootstrap bootstrap;

    @Inject
    Dependencies dependencies;

    @Inject
    TenantRegistry tenants;

    @Inject
    EventHub hub;

    @Inject
    CardGateway cards;

    /** The state of one bounded context. */
    public record ContextStatus(String status, String detail) {}

    /** The whole status document. */
    public record SystemStatus(String status, Instant startedAt, long uptimeSeconds, Map<String, Long> memoryMiB,
            Map<String, Probe> dependencies, Map<String, ContextStatus> contexts, Map<String, Integer> queueDepths,
            Map<String, Long> tenants, int realtimeSubscribers, ProviderStatus cardPayments) {}

    @GET
    @Path("/status")
    @Operation(summary = "The platform's status",
            description = "Per-context status, uptime, memory, dependency states (database, messaging, batch "
                    + "repository, card provider and its circuits), queue depths, tenants by status, open sockets. "
                    + "Roles: PLATFORM_ADMIN.")
    @APIResponse(responseCode = "200", description = "The status document.")
    public SystemStatus status() {
        Map<String, Probe> deps = new LinkedHashMap<>();
        deps.put("database", dependencies.database());
        deps.put("messaging", dependencies.messaging());
        deps.put("batchRepository", dependencies.batch());
        ProviderStatus card = cards.status();
        boolean cardUp = !"OPEN".equals(card.circuit());
        // circuits are per tenant and provider: an open one is a degraded tenant, listed in cardPayments.circuits
        deps.put("cardProvider", new Probe(cardUp, card.provider() + (card.url() == null ? "" : " at " + card.url())
                + ", circuit " + card.circuit() + (card.circuits().isEmpty() ? "" : " (" + card.circuits().size()
                + " tenant circuits not closed)")));
        boolean allUp = deps.values().stream().allMatch(Probe::up);
        String db = deps.get("database").up() ? "UP" : "DOWN";

        Map<String, ContextStatus> contexts = new LinkedHashMap<>();
        contexts.put("web", new ContextStatus("UP", "REST edge under /api/v1"));
        contexts.put("tenancy", new ContextStatus(db, "tenants, outlets, tables"));
        contexts.put("staff", new ContextStatus(db, "staff accounts, roles, PINs"));
        contexts.put("realtime", new ContextStatus("UP", hub.subscribers() + " sockets open"));
        contexts.put("payment", new ContextStatus(cardUp ? db : "DEGRADED", "card payments by the " + card.provider()
                + " provider, circuit " + card.circuit()));
        contexts.put("platform", new ContextStatus(allUp ? "UP" : "DEGRADED", "audit, security, health"));

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        Map<String, Long> memory = new LinkedHashMap<>();
        memory.put("heapUsed", heap.getUsed() >> 20);
        memory.put("heapCommitted", heap.getCommitted() >> 20);
        memory.put("heapMax", heap.getMax() >> 20);

        Map<String, Long> tenantCounts = new LinkedHashMap<>();
        tenants.countByStatus().forEach((status, count) -> tenantCounts.put(status.name(), count));

        Instant started = bootstrap.startedAt();
        long uptime = started == null ? 0 : Duration.between(started, Instant.now()).toSeconds();
        return new SystemStatus(allUp ? "UP" : "DEGRADED", started, uptime, memory, deps, contexts,
                dependencies.queueDepths(), tenantCounts, hub.subscribers(), card);
    }
}
