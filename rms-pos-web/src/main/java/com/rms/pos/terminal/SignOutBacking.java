package com.rms.pos.terminal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** Ends the terminal's PIN session, so the next person signs in with their own PIN. */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    FacesContext faces;

    public void signOut() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + PosRequestFilter.SIGN_IN);
    }
}
