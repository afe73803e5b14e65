package com.rms.pos.terminal;

import com.rms.platform.security.Role;
import com.rms.staff.application.StaffIdentity;
import java.time.Instant;
import java.util.Set;

/** A terminal's session signed in with a PIN, for the tests of the screens behind it. */
public final class SignedIn {

    private SignedIn() {
    }

    /** Signed in at {@code outletName} (id {@code outletId}) as a staff member with {@code role}. */
    public static PosSession at(long outletId, String outletName, Role role) {
        PosSession session = new PosSession();
        session.signIn(new StaffIdentity(7, "demo", "clara", "Clara", Set.of(role), Set.of(outletId)), outletId,
                outletName, Instant.parse("2026-12-04T12:00:00Z"));
        return session;
    }
}
