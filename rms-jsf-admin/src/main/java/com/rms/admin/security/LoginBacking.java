package com.rms.admin.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** The sign-in form (tenant, user, password) and signing out. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    private String tenant;
    private String username;
    private String password;

    /** Hands the three fields to the form mechanism; it continues to the page that asked for a login. */
    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        // A new session id before the credentials are checked: an id planted or seen before the
        // sign-in (session fixation) must not become a signed-in session. Changed first because
        // on success the mechanism has already sent its redirect, and the new cookie with it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        AuthenticationStatus status = security.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().newAuthentication(true)
                        .credential(new TenantCredential(tenant, username, password)));
        password = null;
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            // the landing page: the dashboard of the day
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/dashboard.xhtml");
            case SEND_FAILURE, NOT_DONE -> faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR,
                    "Sign-in failed", "Check the tenant, user name and password."));
        }
    }

    public void logout() throws IOException, ServletException {
        ExternalContext external = faces.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        HttpSession session = (HttpSession) external.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        external.redirect(external.getRequestContextPath() + "/login.xhtml?signedOut=bye");
    }

    public String getTenant() {
        return tenant;
    }

    public void setTenant(String tenant) {
        this.tenant = tenant;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
