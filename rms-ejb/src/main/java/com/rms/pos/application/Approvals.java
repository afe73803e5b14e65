package com.rms.pos.application;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.application.Authenticator;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Manager approval at the point of sale: a manager (or owner) approves their own actions; anyone
 * else needs the PIN of a manager or owner who works at the outlet, checked with the same per-client
 * lockout as a PIN sign-in.
 */
@ApplicationScoped
public class Approvals {

    @Inject
    Authenticator authenticator;

    /**
     * The username of the approving manager.
     *
     * @throws AuthorizationException if the caller is not a manager and no valid manager PIN was given
     */
    public String require(long outletId, String managerPin, String action) {
        Caller caller = CallerContext.current();
        if (caller.has(Role.MANAGER) || caller.has(Role.OWNER) || caller.isPlatformAdmin()) {
            return caller.username();
        }
        if (managerPin == null || managerPin.isBlank()) {
            throw new AuthorizationException(action + " needs a manager's approval (managerPin)");
        }
        StaffIdentity manager;
        try {
            manager = authenticator.verifyPin(TenantContext.require().slug(), outletId, managerPin,
                    "approval:" + caller.username());
        } catch (AuthenticationException wrongPin) {
            throw new AuthorizationException(action + " needs a manager's approval: the PIN is not a manager's");
        }
        if (!manager.has(Role.MANAGER) && !manager.has(Role.OWNER)) {
            throw new AuthorizationException(action + " needs a manager's approval: the PIN is not a manager's");
        }
        return manager.username();
    }
}
