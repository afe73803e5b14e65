package com.rms.staff.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.LoginGuard;
import com.rms.platform.security.PasswordHashing;
import com.rms.platform.security.PlatformUser;
import com.rms.platform.security.Role;
import com.rms.platform.security.SignInBudget;
import com.rms.platform.security.TokenIssuer;
import com.rms.platform.security.TokenIssuer.IssuedToken;
import com.rms.platform.tx.Transactions;
import com.rms.platform.tenant.TenantContext;
import com.rms.staff.domain.StaffMember;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantSlug;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs staff and platform users in with a password, and POS staff with a PIN at an outlet, and
 * issues their token. Every failure answers the same 401 whatever went wrong; after
 * {@code rms.auth.max-failures} failures in a row an account is locked for {@code rms.auth.lockout}.
 * Before anything is hashed or looked up, the tenant must have a slug's shape (400 otherwise) and
 * the attempt must fit the {@link SignInBudget} of the client's address and account (429). PIN
 * guesses count in {@link PinAttempts}, the lockout every PIN route shares. A PIN carries at most
 * the outlet roles: an owner or batch operator never gets their chain-wide roles from a 4-digit secret.
 */
@ApplicationScoped
public class Authenticator {

    private static final RmsLog LOG = RmsLog.of(Authenticator.class);
    private static final String FAILED = "invalid credentials";
    /** PINs are 4-8 digits (StaffCommand); anything else cannot be right and is never hashed. */
    private static final Pattern PIN = Pattern.compile("[0-9]{4,8}");
    /** How much of a client-supplied name a log line carries. */
    private static final int LOGGED = 64;

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
    OutletDirectory outlets;

    @Inject
    PinAttempts pinAttempts;

    @Inject
    SignInBudget budget;

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

    /** A successful sign-in. */
    public record SignedIn(IssuedToken token, Set<Role> roles) {}

    /** Signs a tenant's staff member in, or a platform user when {@code tenant} is null; {@code client} is the address. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignedIn password(String tenant, String username, String password, String client) {
        if (username == null || password == null) {
            throw new AuthenticationException(FAILED);
        }
        requireSlugShape(tenant, true);
        SignInBudget.Charge charge = budget.charge(client, (tenant == null ? "platform" : tenant) + "|" + username);
        SignedIn result;
        if (tenant == null) {
            result = platformUser(username, password);
        } else {
            TenantRegistry.Entry entry = active(tenant);
            if (entry == null) {
                hashing.verify(password, null);
                LOG.warn(LogContext.SECURITY, "sign-in to unknown or inactive tenant " + tenant);
                throw new AuthenticationException(FAILED);
            }
            result = TenantContext.callAs(entry.context(), () -> staffPassword(tenant, username, password));
        }
        if (result == null) {
            throw new AuthenticationException(FAILED);
        }
        charge.succeeded();
        return result;
    }

    /** Signs POS staff in with their PIN at one outlet; the token is limited to that outlet and the outlet roles. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public SignedIn pin(String tenant, Long outletId, String pin, String client) {
        StaffIdentity match = pinSignIn(tenant, outletId, pin, client);
        return new SignedIn(tokens.issue(String.valueOf(match.staffId()), match.username(), tenant, match.roles(),
                match.outletIds()), match.roles());
    }

    /**
     * Checks a PIN at an outlet exactly as {@link #pin} does (same budget, same lockout, same audit
     * entry, same outlet roles only) but issues no token: for the POS terminal's PIN pad.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StaffIdentity verifyPin(String tenant, Long outletId, String pin, String client) {
        return pinSignIn(tenant, outletId, pin, client);
    }

    /**
     * Checks a manager's approval PIN at an outlet of the current tenant for the signed-in caller:
     * the guess counts against both the caller's address and the caller, in the same lockout as
     * PIN sign-ins. Answers the staff member whose PIN it is (with all their roles: the approval
     * decides what they may approve), or throws {@link AuthenticationException} for a wrong PIN.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StaffIdentity approverPin(long outletId, String pin) {
        TenantContext.Tenant tenant = TenantContext.require();
        if (pin == null || !PIN.matcher(pin).matches()) {
            throw new AuthenticationException(FAILED);
        }
        StaffMember match = checkedPin(outletId, pin, callerClients(), m -> true);
        if (match == null) {
            throw new AuthenticationException(FAILED);
        }
        return new StaffIdentity(match.getId(), tenant.slug(), match.getUsername(), match.getDisplayName(),
                match.getRoles(), Set.of(outletId));
    }

    /** The lockout keys of the signed-in caller: their address and themselves. */
    static List<String> callerClients() {
        List<String> clients = new ArrayList<>(2);
        String address = CallerContext.clientAddress();
        if (address != null) {
            clients.add("addr:" + address);
        }
        clients.add("user:" + CallerContext.current().username());
        return clients;
    }

    private StaffIdentity pinSignIn(String tenant, Long outletId, String pin, String client) {
        if (tenant == null || outletId == null || pin == null) {
            throw new AuthenticationException(FAILED);
        }
        requireSlugShape(tenant, false);
        SignInBudget.Charge charge = budget.charge(client, null);
        TenantRegistry.Entry entry = active(tenant);
        if (entry == null || !PIN.matcher(pin).matches()) {
            LOG.warn(LogContext.SECURITY, "failed PIN sign-in at outlet " + outletId + " of tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        StaffIdentity identity = TenantContext.callAs(entry.context(), () -> {
            if (!outlets.exists(outletId)) {
                return null;
            }
            StaffMember match = checkedPin(outletId, pin, List.of("addr:" + client),
                    m -> !Collections.disjoint(m.getRoles(), Caller.OUTLET_ROLES));
            if (match == null) {
                return null;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            roles.addAll(match.getRoles());
            roles.retainAll(Caller.OUTLET_ROLES);
            audit.record("auth.pin", "staff:" + match.getUsername(), "outlet=" + outletId);
            return new StaffIdentity(match.getId(), tenant, match.getUsername(), match.getDisplayName(), roles,
                    Set.of(outletId));
        });
        if (identity == null) {
            LOG.warn(LogContext.SECURITY, "failed PIN sign-in at outlet " + outletId + " of tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        charge.succeeded();
        LOG.info(LogContext.SECURITY, "PIN sign-in of " + identity.username() + " at outlet " + outletId);
        return identity;
    }

    /**
     * The eligible staff member whose PIN this is at the outlet, or null; the guess is reserved in
     * the lockout before any PIN is hashed and given back only when the PIN was right.
     */
    private StaffMember checkedPin(long outletId, String pin, List<String> clients,
            Predicate<StaffMember> eligible) {
        PinAttempts.Reservation reservation = pinAttempts.reserve(outletId, clients);
        StaffMember match = staff.withPinAt(outletId).stream().filter(eligible)
                .filter(s -> hashing.verify(pin, s.getPinHash())).findFirst().orElse(null);
        if (match == null) {
            pinAttempts.failed(reservation);
        } else {
            pinAttempts.refund(reservation);
        }
        return match;
    }

    /**
     * Checks a staff member's password exactly as {@link #password} does (same budget, lockout,
     * audit entry, single failure for every cause) but issues no token: for the form login of the
     * web UIs, which keep the identity in their own session.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StaffIdentity verifyPassword(String tenant, String username, String password, String client) {
        if (tenant == null || username == null || password == null) {
            throw new AuthenticationException(FAILED);
        }
        requireSlugShape(tenant, false);
        SignInBudget.Charge charge = budget.charge(client, tenant + "|" + username);
        TenantRegistry.Entry entry = active(tenant);
        if (entry == null) {
            hashing.verify(password, null);
            LOG.warn(LogContext.SECURITY, "sign-in to unknown or inactive tenant " + tenant);
            throw new AuthenticationException(FAILED);
        }
        StaffIdentity identity = TenantContext.callAs(entry.context(), () -> verifiedStaff(tenant, username, password));
        if (identity == null) {
            throw new AuthenticationException(FAILED);
        }
        charge.succeeded();
        return identity;
    }

    /** A malformed tenant is a bad request, refused before it is counted, logged or looked up. */
    private static void requireSlugShape(String tenant, boolean optional) {
        if (tenant == null && optional) {
            return;
        }
        if (!TenantSlug.isWellFormed(tenant)) {
            throw new ValidationException("the tenant is not a tenant slug",
                    List.of(new FieldError("tenant", TenantSlug.RULE)));
        }
    }

    private TenantRegistry.Entry active(String tenant) {
        return tenants.find(tenant).filter(e -> e.status() == TenantStatus.ACTIVE).orElse(null);
    }

    /** A client-supplied name as a log line may carry it: cut to a few dozen characters. */
    static String clip(String text) {
        return text.length() <= LOGGED ? text : text.substring(0, LOGGED) + "...(" + text.length() + " chars)";
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
                LOG.warn(LogContext.SECURITY, "failed sign-in for unknown or inactive user " + clip(username));
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
                LOG.warn(LogContext.SECURITY, "failed platform sign-in for unknown user " + clip(username));
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
            LOG.warn(LogContext.SECURITY, "sign-in of " + clip(username) + " refused: locked until " + guard.getLockedUntil());
            return false;
        }
        if (!hashing.verify(password, hash)) {
            if (guard.recordFailure(now, maxFailures, lockout)) {
                LOG.warn(LogContext.SECURITY, "account " + username + " locked for " + lockout + " after "
                        + maxFailures + " failed sign-ins");
            } else {
                LOG.warn(LogContext.SECURITY, "failed sign-in for " + clip(username));
            }
            return false;
        }
        guard.recordSuccess();
        return true;
    }

    private <T> T inTransaction(Supplier<T> work) {
        return transactions.requiresNew(work);
    }
}
