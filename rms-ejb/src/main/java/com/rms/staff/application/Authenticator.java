package com.rms.staff.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.LoginGuard;
import com.rms.platform.security.PasswordHashing;
import com.rms.platform.security.PlatformUser;
import com.rms.platform.security.Role;
import com.rms.platform.security.TokenIssuer;
import com.rms.platform.security.TokenIssuer.IssuedToken;
import com.rms.platform.tx.Transactions;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.domain.StaffMember;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs staff and platform users in with a password, and POS staff with a PIN at an outlet, and
 * issues their token. Every failure answers the same 401 whatever went wrong; after
 * {@code rms.auth.max-failures} failures in a row an account (or, for PINs, a client at an outlet)
 * is locked for {@code rms.auth.lockout}.
 */
@ApplicationScoped
public class Authenticator {

    private static final RmsLog LOG = RmsLog.of(Authenticator.class);
    private static final String FAILED = "invalid credentials";

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    TokenIssuer tokens;

    @Inject
    TenantRegistry tenants;

    @Inject
    StaffDirectory staff;

    @Inject
    AuditTrail audit;

    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "rms.auth.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "rms.auth.lockout", defaultValue = "PT15M")
    Duration lockout;

    /** PIN failures per tenant, outlet and client address; PINs have no account to lock. */
    private final Map<String, PinFailures> pinFailures = new ConcurrentHashMap<>();

    /** A successful sign-in. */
    public record SignedIn(IssuedToken token, Set<Role> roles) {}

    /** Signs a tenant's staff member in, or a platform user when {@code tenant} is null. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignedIn password(String tenant, String username, String password) {
        if (username == null || password == null) {
            throw new AuthenticationException(FAILED);
        }
        if (tenant == null) {
            return platformUser(username, password);
        }
        TenantRegistry.Entry entry = tenants.find(tenant).filter(e -> e.status() == TenantStatus.ACTIVE).orElse(null);
        if (entry == null) {
            hashing.verify(password, null);
            LOG.warn(LogContext.SECURITY, "sign-in to unknown or inactive tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        SignedIn result = TenantContext.callAs(entry.context(), () -> staffPassword(tenant, username, password));
        if (result == null) {
            throw new AuthenticationException(FAILED);
        }
        return result;
    }

    /** Signs POS staff in with their PIN at one outlet; the token is limited to that outlet. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignedIn pin(String tenant, Long outletId, String pin, String client) {
        StaffMember match = pinMatch(tenant, outletId, pin, client);
        return new SignedIn(tokens.issue(String.valueOf(match.getId()), match.getUsername(), tenant, match.getRoles(),
                Set.of(outletId)), match.getRoles());
    }

    /** The staff member whose PIN this is at the outlet, counting failures per client and outlet. */
    private StaffMember pinMatch(String tenant, Long outletId, String pin, String client) {
        if (tenant == null || outletId == null || pin == null) {
            throw new AuthenticationException(FAILED);
        }
        String key = tenant + "|" + outletId + "|" + client;
        PinFailures failures = pinFailures.get(key);
        if (failures != null && failures.locked()) {
            LOG.warn(LogContext.SECURITY, "PIN sign-in at outlet " + outletId + " refused: locked after repeated failures");
            throw new AuthenticationException(FAILED);
        }
        TenantRegistry.Entry entry = tenants.find(tenant).filter(e -> e.status() == TenantStatus.ACTIVE).orElse(null);
        StaffMember match = entry == null ? null : TenantContext.callAs(entry.context(), () ->
                staff.withPinAt(outletId).stream().filter(s -> hashing.verify(pin, s.getPinHash())).findFirst().orElse(null));
        if (match == null) {
            pinFailures.computeIfAbsent(key, k -> new PinFailures()).fail(maxFailures, lockout);
            LOG.warn(LogContext.SECURITY, "failed PIN sign-in at outlet " + outletId + " of tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        pinFailures.remove(key);
        TenantContext.runAs(entry.context(), () -> audit.record("auth.pin", "staff:" + match.getUsername(), "outlet=" + outletId));
        LOG.info(LogContext.SECURITY, "PIN sign-in of " + match.getUsername() + " at outlet " + outletId);
        return match;
    }

    /**
     * Checks a staff member's password exactly as {@link #password} does (same lockout, same audit
     * entry, same single failure for every cause) but issues no token: for the form login of the
     * web UIs, which keep the identity in their own session.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StaffIdentity verifyPassword(String tenant, String username, String password) {
        if (tenant == null || username == null || password == null) {
            throw new AuthenticationException(FAILED);
        }
        TenantRegistry.Entry entry = tenants.find(tenant).filter(e -> e.status() == TenantStatus.ACTIVE).orElse(null);
        if (entry == null) {
            hashing.verify(password, null);
            LOG.warn(LogContext.SECURITY, "sign-in to unknown or inactive tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        StaffIdentity identity = TenantContext.callAs(entry.context(), () -> verifiedStaff(tenant, username, password));
        if (identity == null) {
            throw new AuthenticationException(FAILED);
        }
        return identity;
    }

    /**
     * Checks a PIN at an outlet exactly as {@link #pin} does (same per-client lockout, same audit
     * entry) but issues no token; the identity is limited to that outlet.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StaffIdentity verifyPin(String tenant, Long outletId, String pin, String client) {
        StaffMember match = pinMatch(tenant, outletId, pin, client);
        return new StaffIdentity(match.getId(), tenant, match.getUsername(), match.getDisplayName(), match.getRoles(),
                Set.of(outletId));
    }

    /** Checks the password in a transaction of its own so a failure is counted even though sign-in fails. */
    private SignedIn staffPassword(String tenant, String username, String password) {
        StaffIdentity identity = verifiedStaff(tenant, username, password);
        if (identity == null) {
            return null;
        }
        return new SignedIn(tokens.issue(String.valueOf(identity.staffId()), username, tenant, identity.roles(),
                identity.outletIds()), identity.roles());
    }

    /** The verified staff member (owners are not limited to outlets), or null after a counted failure. */
    private StaffIdentity verifiedStaff(String tenant, String username, String password) {
        return inTransaction(() -> {
            StaffMember member = staff.findByUsername(username).orElse(null);
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            if (member == null || !member.isActive()) {
                hashing.verify(password, null);
                LOG.warn(LogContext.SECURITY, "failed sign-in for unknown or inactive user " + username);
                return null;
            }
            if (!check(member.guard(), member.getPasswordHash(), password, username, now)) {
                return null;
            }
            audit.record("auth.login", "staff:" + username, null);
            return new StaffIdentity(member.getId(), tenant, username, member.getDisplayName(), member.getRoles(),
                    member.getRoles().contains(Role.OWNER) ? Set.of() : member.getOutletIds());
        });
    }

    private SignedIn platformUser(String username, String password) {
        SignedIn result = inTransaction(() -> {
            PlatformUser user = em.createQuery("select u from PlatformUser u where u.username = :u", PlatformUser.class)
                    .setParameter("u", username).getResultStream().findFirst().orElse(null);
            if (user == null) {
                hashing.verify(password, null);
                LOG.warn(LogContext.SECURITY, "failed platform sign-in for unknown user " + username);
                return null;
            }
            if (!check(user.guard(), user.getPasswordHash(), password, username, OffsetDateTime.now(ZoneOffset.UTC))) {
                return null;
            }
            return new SignedIn(tokens.issue("platform:" + user.getId(), username, null, user.getRoles(), Set.of()),
                    user.getRoles());
        });
        if (result == null) {
            throw new AuthenticationException(FAILED);
        }
        LOG.info(LogContext.SECURITY, "platform sign-in of " + username);
        return result;
    }

    private boolean check(LoginGuard guard, String hash, String password, String username, OffsetDateTime now) {
        if (guard.isLocked(now)) {
            hashing.verify(password, null);
            LOG.warn(LogContext.SECURITY, "sign-in of " + username + " refused: locked until " + guard.getLockedUntil());
            return false;
        }
        if (!hashing.verify(password, hash)) {
            if (guard.recordFailure(now, maxFailures, lockout)) {
                LOG.warn(LogContext.SECURITY, "account " + username + " locked for " + lockout + " after "
                        + maxFailures + " failed sign-ins");
            } else {
                LOG.warn(LogContext.SECURITY, "failed sign-in for " + username);
            }
            return false;
        }
        guard.recordSuccess();
        return true;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.requiresNew(work);
    }

    /** Consecutive PIN failures from one client at one outlet. */
    private static final class PinFailures {
        private int count;
        private OffsetDateTime lockedUntil;

        synchronized boolean locked() {
            return lockedUntil != null && lockedUntil.isAfter(OffsetDateTime.now(ZoneOffset.UTC));
        }

        synchronized void fail(int max, Duration lockout) {
            if (++count >= max) {
                count = 0;
                lockedUntil = OffsetDateTime.now(ZoneOffset.UTC).plus(lockout);
            }
        }
    }
}
