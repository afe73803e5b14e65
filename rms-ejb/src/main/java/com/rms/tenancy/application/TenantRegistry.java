package com.rms.tenancy.application;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.domain.Tenant;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the edge needs to know of each tenant on every request (status, rate limit), kept in
 * memory and refreshed from the control schema on every change and periodically, so a request
 * never waits on the registry table.
 */
@ApplicationScoped
public class TenantRegistry {

    /** The shape of every tenant slug; anything else is refused before it is used as a key, logged or looked up. */
    public static final String SLUG_PATTERN = "[a-z][a-z0-9_]{1,29}";
    public static final String SLUG_RULE = "must be 2-30 lower-case letters, digits or _, starting with a letter";
    private static final Pattern SLUG = Pattern.compile(SLUG_PATTERN);

    /** Whether the text has a slug's shape (it may still name no tenant). */
    public static boolean wellFormed(String slug) {
        return slug != null && slug.length() <= 30 && SLUG.matcher(slug).matches();
    }

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

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public void reload() {
        Map<String, Entry> fresh = new ConcurrentHashMap<>();
        store.all().forEach(t -> fresh.put(t.getSlug(), Entry.of(t)));
        entries.keySet().retainAll(fresh.keySet());
        entries.putAll(fresh);
    }

    public void update(Tenant tenant) {
        entries.put(tenant.getSlug(), Entry.of(tenant));
    }

    public void forget(String slug) {
        entries.remove(slug);
    }

    /** The tenant if known here, looking it up once when another server provisioned it. */
    public Optional<Entry> find(String slug) {
        Entry entry = entries.get(slug);
        if (entry == null) {
            entry = store.find(slug).map(Entry::of).orElse(null);
            if (entry != null) {
                entries.put(slug, entry);
            }
        }
        return Optional.ofNullable(entry);
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
        return entries.values().stream().filter(e -> e.status() == TenantStatus.ACTIVE).toList();
    }

    public Map<TenantStatus, Long> countByStatus() {
        Map<TenantStatus, Long> counts = new java.util.EnumMap<>(TenantStatus.class);
        entries.values().forEach(e -> counts.merge(e.status(), 1L, Long::sum));
        return counts;
    }
}
