package com.rms.admin.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Turns on Jakarta Security's custom form login for the back office: an unauthenticated request
 * for a protected page is redirected (not forwarded, so the browser's address and the JSF postback
 * target are the login page) to {@code /login.xhtml}, whose backing bean hands the three fields to
 * {@link StaffIdentityStore} through {@code SecurityContext.authenticate}.
 */
@ApplicationScoped
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", errorPage = "", useForwardToLogin = false))
public class AdminSecurity {
}
