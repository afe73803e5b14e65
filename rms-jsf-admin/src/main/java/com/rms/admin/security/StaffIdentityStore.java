package com.rms.admin.security;

import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.RateLimitedException;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.ClientAddress;
import com.rms.platform.security.Role;
import com.rms.staff.application.Authenticator;
import com.rms.staff.application.StaffIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates back-office sign-ins against the tenant's staff records through {@link Authenticator},
 * so the form login shares the API's password hashing, lockout and audit. The groups are the staff
 * member's roles (Liberty maps each to the security role of the same name). On success the
 * verified identity is kept in the {@link AdminSession} for the request filter.
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private static final RmsLog LOG = RmsLog.of(StaffIdentityStore.class);

    /** Roles that may use the back office at all; what each may do there is decided per page. */
    static final Set<Role> BACK_OFFICE = EnumSet.of(Role.OWNER, Role.MANAGER, Role.BATCH_OPERATOR);

    @Inject
    Authenticator authenticator;

    @Inject
    AdminSession session;

    @Inject
    HttpServletRequest request;

    @Inject
    ClientAddress clientAddress;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof TenantCredential sign)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        StaffIdentity identity;
        try {
            identity = authenticator.verifyPassword(sign.tenant(), sign.username(), sign.password(),
                    clientAddress.of(request));
        } catch (AuthenticationException wrong) {
            // Authenticator has logged and counted the failure; the form shows one message for every cause.
            return CredentialValidationResult.INVALID_RESULT;
        } catch (ValidationException | RateLimitedException | ServiceUnavailableException refused) {
            // a malformed tenant, an exhausted sign-in budget or busy hashing: nothing was checked,
            // and the form answers as for any failed sign-in (Authenticator logged why)
            return CredentialValidationResult.INVALID_RESULT;
        } finally {
            sign.clear();
        }
        if (Collections.disjoint(identity.roles(), BACK_OFFICE)) {
            LOG.warn(LogContext.SECURITY, "back-office sign-in refused for " + identity.username()
                    + " of tenant " + identity.tenant() + ": roles " + identity.roles());
            return CredentialValidationResult.INVALID_RESULT;
        }
        session.signIn(identity);
        // The principal name carries the tenant because user names repeat across tenants, and
        // Liberty keys its authentication cache on the caller's unique id.
        return new CredentialValidationResult(null, new CallerPrincipal(principalName(identity)), null,
                "rms:" + identity.tenant() + ":staff:" + identity.staffId(),
                identity.roles().stream().map(Role::name).collect(Collectors.toSet()));
    }

    /** The container principal name of a signed-in staff member: {@code username@tenant}. */
    public static String principalName(StaffIdentity identity) {
        return identity.username() + "@" + identity.tenant();
    }
}
