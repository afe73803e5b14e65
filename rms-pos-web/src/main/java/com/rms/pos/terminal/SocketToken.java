package com.rms.pos.terminal;

import com.rms.platform.security.TokenIssuer;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A token for the page's {@code /ws/events} socket. The POS session has no JWT (the PIN session
 * lives in the HTTP session), while the socket authenticates by token only; this issues one for
 * the signed-in staff member with exactly the session's roles and outlet, so the socket receives
 * what the terminal may see and nothing more. Issued per rendered page, never stored.
 */
@Named("posSocket")
@RequestScoped
public class SocketToken {

    @Inject
    TokenIssuer tokens;

    @Inject
    PosSession session;

    private String token;

    public String getToken() {
        if (token == null) {
            StaffIdentity staff = session.staff().orElseThrow(() -> new IllegalStateException("no POS session"));
            token = tokens.issue(String.valueOf(staff.staffId()), staff.username(), staff.tenant(), staff.roles(),
                    staff.outletIds()).token();
        }
        return token;
    }
}
