package com.rms.tenancy.application;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.domain.Tenant;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the edge needs to know of each tenant on every request (status, rate limit), kept in
 * memory and refreshed from the control schema on every change and periodically, so a request
 * never waits on the registry table.
 */
@ApplicationScoped
public class TenantRegistry {

    /** A tenant as seen by the edge. */
    public record Entry(String slug, TenantStatus status, Integer rateLimitRps, String currency, String timezone) {

        static Entry of(Tenant t) {
            return new Entry(t.getSlug(), t.getStatus(), t.getRateLimitRps(), t.getCurrency(), t.getTimezone());
        }

        public TenantContext.Tenant context() {
            return TenantContext.Tenant.of(slug);
        }
    }

    @Inject
    TenantStore store;

    /**
     * What this server knows of a tenant and the change it came from: {@code entry} is null for a
     * tenant forgotten here. {@code change} orders a reload against the changes made on this server.
     */
    private record Known(Entry entry, long change) {}

    private final Map<String, Known> entries = new ConcurrentHashMap<>();
    /** Counts the changes made on this server (update, forget); a reload takes the count before it reads. */
    private final AtomicLong changes = new AtomicLong();

    /**
     * Replaces what is known with the registry table, except where this server changed a tenant
     * after the table was read: a reload that read a tenant while it was being provisioned must not
     * put it back to PROVISIONING after provisioning finished and {@link #update} made it ACTIVE.
     */
    public void reload() {
        long readAfter = changes.get();
        Map<String, Entry> fresh = new HashMap<>();
        store.all().forEach(t -> fresh.put(t.getSlug(), Entry.of(t)));
        for (String slug : entries.keySet()) {
            entries.computeIfPresent(slug, (s, known) -> known.change() > readAfter ? known
                    : fresh.containsKey(s) ? new Known(fresh.get(s), known.change()) : null);
        }
        fresh.forEach((slug, entry) -> entries.putIfAbsent(slug, new Known(entry, 0)));
    }

    public void update(Tenant tenant) {
        entries.put(tenant.getSlug(), new Known(Entry.of(tenant), changes.incrementAndGet()));
    }

    public void forget(String slug) {
        entries.put(slug, new Known(null, changes.incrementAndGet()));
    }

    /** The tenant if known here, looking it up once when another server provisioned it. */
    public Optional<Entry> find(String slug) {
        Known known = entries.get(slug);
        if (known != null && known.entry() != null) {
            return Optional.of(known.entry());
        }
        Optional<Entry> stored = store.find(slug).map(Entry::of);
        stored.ifPresent(entry -> entries.put(slug, new Known(entry, changes.incrementAndGet())));
        return stored;
    }

    /** The tenant a request may work in, or the problem that stops it. */
    public Entry requireServing(String slug) {
        Entry entry = find(slug).orElseThrow(() -> new NotFoundException("no tenant '" + slug + "'"));
        return switch (entry.status()) {
            case ACTIVE -> entry;
            case SUSPENDED -> throw new AuthorizationException("tenant '" + slug + "' is suspended");
            case PROVISIONING -> throw new ServiceUnavailableException("tenant '" + slug + "' is being provisioned", 2);
            case UNAVAILABLE -> throw new ServiceUnavailableException(
                    "tenant '" + slug + "' is unavailable until its database schema is repaired", 60);
        };
    }

    /** The tenants that are serving now, for work that loops over tenants (timers, sweeps). */
    public java.util.List<Entry> active() {
        return entries.values().stream().map(Known::entry)
                .filter(e -> e != null && e.status() == TenantStatus.ACTIVE).toList();
    }

    public Map<TenantStatus, Long> countByStatus() {
        Map<TenantStatus, Long> counts = new java.util.EnumMap<>(TenantStatus.class);
        entries.values().stream().map(Known::entry).filter(java.util.Objects::nonNull)
                .forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return counts;
    }
}
