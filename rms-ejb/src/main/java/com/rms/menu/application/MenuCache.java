package com.rms.menu.application;

import com.rms.menu.application.OutletMenus.SoldMenu;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The rendered outlet menus of each tenant, and when each was last confirmed against the database.
 * A confirmation is trusted for {@code maxAgeNanos} (at most a second), so a change committed on
 * another server is served within that time; a change committed on this server ends the trust at
 * once ({@link #invalidate}). One tenant's entries are never looked up under another tenant's slug.
 *
 * <p>A confirmation started before an invalidation and finished after it is not trusted: the
 * tenant's epoch is read before the database is asked and stamped on what the answer stored.
 */
final class MenuCache {

    /** A rendered menu of one outlet, for the menu revision and outlet version it was rendered from. */
    record Entry(long revision, long outletVersion, SoldMenu menu, SellableMenu sellable, long epoch, long checkedAt) {

        Entry checked(long epoch, long now) {
            return new Entry(revision, outletVersion, menu, sellable, epoch, now);
        }
    }

    /** One tenant's outlets and the count of its changes seen on this server. */
    private static final class Tenant {
        final Map<Long, Entry> outlets = new ConcurrentHashMap<>();
        final AtomicLong epoch = new AtomicLong();
    }

    private final Map<String, Tenant> tenants = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final LongSupplier clock;

    MenuCache(long maxAgeNanos, LongSupplier clock) {
        this.maxAgeNanos = maxAgeNanos;
        this.clock = clock;
    }

    private Tenant tenant(String slug) {
        return tenants.computeIfAbsent(slug, s -> new Tenant());
    }

    /** The outlet's menu if the database confirmed it recently and nothing changed here since; else null. */
    Entry fresh(String tenant, long outletId) {
        Tenant t = tenants.get(tenant);
        if (t == null) {
            return null;
        }
        Entry entry = t.outlets.get(outletId);
        if (entry == null || entry.epoch() != t.epoch.get() || clock.getAsLong() - entry.checkedAt() > maxAgeNanos) {
            return null;
        }
        return entry;
    }

    /** The tenant's epoch: read it before asking the database, and pass it to {@link #confirmed} or {@link #store}. */
    long epoch(String tenant) {
        return tenant(tenant).epoch.get();
    }

    /**
     * The cached menu if it was rendered from the state the database just reported, now trusted
     * again from this moment; null when it must be rendered anew.
     */
    Entry confirmed(String tenant, long outletId, long revision, long outletVersion, long epoch) {
        Tenant t = tenant(tenant);
        Entry entry = t.outlets.get(outletId);
        if (entry == null || entry.revision() != revision || entry.outletVersion() != outletVersion) {
            return null;
        }
        Entry again = entry.checked(epoch, clock.getAsLong());
        t.outlets.put(outletId, again);
        return again;
    }

    /** Keeps a freshly rendered menu, confirmed as of {@code epoch}. */
    Entry store(String tenant, long outletId, long revision, long outletVersion, SoldMenu menu, SellableMenu sellable,
            long epoch) {
        Entry entry = new Entry(revision, outletVersion, menu, sellable, epoch, clock.getAsLong());
        tenant(tenant).outlets.put(outletId, entry);
        return entry;
    }

    /** Something of the tenant's menu or outlets changed on this server: every entry must be confirmed again. */
    void invalidate(String tenant) {
        tenant(tenant).epoch.incrementAndGet();
    }
}
