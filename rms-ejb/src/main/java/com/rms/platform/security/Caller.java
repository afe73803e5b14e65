package com.rms.platform.security;

import java.util.EnumSet;
import java.util.Set;

/**
 * Who is calling: the authenticated user, their roles, and the outlets they work at. Only owners,
 * platform users and the system itself (timers, consumers, start-up) are chain-wide; everyone else
 * sees exactly their outlets, and none when they have none: having no outlets never means all
 * outlets, or a manager could widen their own reach by removing their outlets.
 */
public record Caller(String username, String tenant, Set<Role> roles, Set<Long> outletIds, boolean system) {

    /** The roles that work at outlets; a PIN sign-in carries at most these. */
    public static final Set<Role> OUTLET_ROLES = Set.copyOf(EnumSet.of(Role.MANAGER, Role.CASHIER, Role.WAITER, Role.KITCHEN));

    public static final Caller SYSTEM = system("system", null);

    public Caller {
        roles = Set.copyOf(roles);
        outletIds = Set.copyOf(outletIds);
    }

    /** A person (or partner) calling, never the system. */
    public Caller(String username, String tenant, Set<Role> roles, Set<Long> outletIds) {
        this(username, tenant, roles, outletIds, false);
    }

    /** Work the platform does for no person: a timer, a consumer, a job; chain-wide within its tenant. */
    public static Caller system(String name, String tenant) {
        return new Caller(name, tenant, Set.of(), Set.of(), true);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /** Whether the caller sees every outlet of the tenant: owners, platform users and the system. */
    public boolean chainWide() {
        return system || roles.contains(Role.OWNER) || isPlatformAdmin();
    }

    /** Whether the caller may see or act on this outlet. */
    public boolean mayAccessOutlet(long outletId) {
        return chainWide() || outletIds.contains(outletId);
    }

    /** Whether this caller's view of outlets is limited to {@link #outletIds()} (possibly none). */
    public boolean limitedToOutlets() {
        return !chainWide();
    }

    /** Whether the caller may read reports and analytics of this outlet: a batch operator reads the whole chain. */
    public boolean mayReadReportsOf(long outletId) {
        return has(Role.BATCH_OPERATOR) || mayAccessOutlet(outletId);
    }

    /** Whether the caller's reports and analytics are limited to {@link #outletIds()} (possibly none). */
    public boolean reportsLimitedToOutlets() {
        return !has(Role.BATCH_OPERATOR) && limitedToOutlets();
    }
}
