package com.rms.pos.application;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.Role;
import com.rms.staff.application.Authenticator;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Manager approval at the point of sale: a manager (or owner) approves their own actions; anyone
 * else needs the PIN of a manager or owner who works at the outlet, checked in the same PIN lockout
 * as a PIN sign-in and charged to both the caller's address and the caller, so approvals are no
 * way around it.
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
            manager = authenticator.approverPin(outletId, managerPin);
        } catch (AuthenticationException wrongPin) {
            throw new AuthorizationException(action + " needs a manager's approval: the PIN is not a manager's");
        }
        if (!manager.has(Role.MANAGER) && !manager.has(Role.OWNER)) {
            throw new AuthorizationException(action + " needs a manager's approval: the PIN is not a manager's");
        }
        return manager.username();
    }
}
