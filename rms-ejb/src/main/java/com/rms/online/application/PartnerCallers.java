package com.rms.online.application;

import com.rms.platform.error.AuthorizationException;
import com.rms.platform.security.Caller;
import com.rms.platform.security.Role;

/**
 * How a partner appears as a {@link Caller}: role {@code PARTNER}, its tenant, the outlets it may
 * send orders to, and the user name {@code partner:<id>} (what the audit trail and the logs show).
 */
public final class PartnerCallers {

    private static final String PREFIX = "partner:";

    private PartnerCallers() {
    }

    static String username(long partnerId) {
        return PREFIX + partnerId;
    }

    /** The partner id of a partner caller; anyone else is refused (403): partner endpoints serve partners only. */
    public static long partnerId(Caller caller) {
        if (!caller.has(Role.PARTNER) || caller.username() == null || !caller.username().startsWith(PREFIX)) {
            throw new AuthorizationException("only a partner's signed request may do this");
        }
        return Long.parseLong(caller.username().substring(PREFIX.length()));
    }
}
