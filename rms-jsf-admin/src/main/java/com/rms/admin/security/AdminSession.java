package com.rms.admin.security;

import com.rms.platform.security.Role;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The signed-in staff member of this browser session and the outlet they are working on. What a
 * page may offer is decided here from the roles, the same rules the API's {@code @RolesAllowed}
 * apply: owners and managers manage outlets and tables, a batch operator only looks.
 */
@Named
@SessionScoped
public class AdminSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private StaffIdentity identity;
    private Long currentOutletId;

    void signIn(StaffIdentity identity) {
        this.identity = identity;
        this.currentOutletId = null;
    }

    public Optional<StaffIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    public boolean isSignedIn() {
        return identity != null;
    }

    public String getDisplayName() {
        return identity == null ? "" : identity.displayName() == null ? identity.username() : identity.displayName();
    }

    public String getTenant() {
        return identity == null ? "" : identity.tenant();
    }

    public String getRoleNames() {
        return identity == null ? "" : identity.roles().stream().map(r -> r.name().charAt(0)
                + r.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .sorted().collect(Collectors.joining(", "));
    }

    /** Whether what belongs to the whole chain (outlets, tax rates) may be created and changed: the owner only, as in the API. */
    public boolean isCanManageChain() {
        return identity != null && identity.has(Role.OWNER);
    }

    /** Whether tables may be created and changed (and seen at all). */
    public boolean isCanManage() {
        return identity != null && (identity.has(Role.OWNER) || identity.has(Role.MANAGER));
    }

    /** Whether the menu (categories, items, outlet overrides) may be changed, as in the API. */
    public boolean isCanEditMenu() {
        return identity != null && (identity.has(Role.OWNER) || identity.has(Role.MANAGER));
    }

    public Long getCurrentOutletId() {
        return currentOutletId;
    }

    public void setCurrentOutletId(Long currentOutletId) {
        this.currentOutletId = currentOutletId;
    }
}
