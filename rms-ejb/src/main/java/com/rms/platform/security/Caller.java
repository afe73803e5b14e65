package com.rms.platform.security;

import java.util.Set;

/**
 * Who is calling: the authenticated user, their roles, and the outlets they are limited to (empty
 * for owners, managers without outlets and platform users, meaning every outlet of the tenant).
 */
public record Caller(String username, String tenant, Set<Role> roles, Set<Long> outletIds) {

    public static final Caller SYSTEM = new Caller("system", null, Set.of(), Set.of());

    public Caller {
        roles = Set.copyOf(roles);
        outletIds = Set.copyOf(outletIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean isPlatformAdmin() {
        return roles.contains(Role.PLATFORM_ADMIN);
    }

    /** Whether the caller may see or act on this outlet. */
    public boolean mayAccessOutlet(long outletId) {
        return outletIds.isEmpty() || roles.contains(Role.OWNER) || isPlatformAdmin() || outletIds.contains(outletId);
    }

    /** Whether this caller's view of outlets is limited to {@link #outletIds()}. */
    public boolean limitedToOutlets() {
        return !outletIds.isEmpty() && !roles.contains(Role.OWNER) && !isPlatformAdmin();
    }
}
