package com.rms.staff.application;

import com.rms.platform.security.Caller;
import com.rms.platform.security.Role;
import java.io.Serializable;
import java.util.Set;

/**
 * A staff member whose password or PIN was just verified, as a web session keeps it: who they are,
 * in which tenant, with which roles and outlets. Holds no secret and no entity, so a UI session
 * can keep it without touching the database again.
 */
public record StaffIdentity(long staffId, String tenant, String username, String displayName, Set<Role> roles,
        Set<Long> outletIds) implements Serializable {

    public StaffIdentity {
        roles = Set.copyOf(roles);
        outletIds = Set.copyOf(outletIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The caller the application services see for this person's requests. */
    public Caller asCaller() {
        return new Caller(username, tenant, roles, outletIds);
    }
}
