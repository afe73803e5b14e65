package com.rms.staff.application;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.rms.platform.error.AuthenticationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tx.Transactions;
import com.rms.staff.domain.StaffMember;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What a staff member's record grants now, for callers whose token or session was issued earlier:
 * a deactivated or deleted member is refused, and roles or outlets taken away since sign-in are no
 * longer granted (the caller is narrowed to what both the token and the record grant). Each server
 * keeps the records it read for {@code rms.auth.grants-ttl} (at most 30 s), so a change takes
 * effect on every server within that time without a database read per request.
 */
@ApplicationScoped
public class StaffGrants {

    private static final RmsLog LOG = RmsLog.of(StaffGrants.class);
    private static final Duration MAX_TTL = Duration.ofSeconds(30);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    TenantRegistry tenants;

    @Inject
    Transactions transactions;

    @Inject
    @ConfigProperty(name = "rms.auth.grants-ttl", defaultValue = "PT30S")
    Duration ttl;

    @Inject
    @ConfigProperty(name = "rms.auth.grants-max", defaultValue = "50000")
    long maxEntries;

    /** What a record grants: active, roles, outlets. */
    record Grant(boolean active, Set<Role> roles, Set<Long> outletIds) {}

    private Cache<String, Optional<Grant>> grants;

    @PostConstruct
    void init() {
        Duration life = ttl.compareTo(MAX_TTL) > 0 || ttl.isNegative() ? MAX_TTL : ttl;
        grants = Caffeine.newBuilder().maximumSize(maxEntries).expireAfterWrite(life).build();
    }

    /**
     * The caller a token stands for now: a platform user (subject {@code platform:<id>}, no tenant)
     * as claimed, a staff member (subject = staff id) as {@link #current(Caller, long)} grants.
     *
     * @throws AuthenticationException if the subject names no staff member, or as {@code current}
     */
    public Caller forSubject(Caller claimed, String subject) {
        if (subject != null && subject.startsWith("platform:") && claimed.tenant() == null) {
            return claimed;
        }
        long staffId;
        try {
            staffId = Long.parseLong(subject == null ? "" : subject);
        } catch (NumberFormatException notStaff) {
            throw new AuthenticationException("the token names no staff member");
        }
        return current(claimed, staffId);
    }

    /**
     * The caller narrowed to what staff member {@code staffId}'s record still grants.
     *
     * @throws AuthenticationException if the member is gone, inactive, or keeps none of the roles
     */
    public Caller current(Caller claimed, long staffId) {
        String tenant = claimed.tenant();
        Grant grant = tenant == null ? null : grants.get(tenant + "|" + staffId, k -> load(tenant, staffId)).orElse(null);
        if (grant == null || !grant.active()) {
            LOG.warn(LogContext.SECURITY, "credential of " + claimed.username() + " refused: the account is inactive or gone");
            throw new AuthenticationException("this account is no longer active");
        }
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(claimed.roles());
        roles.retainAll(grant.roles());
        if (roles.isEmpty()) {
            LOG.warn(LogContext.SECURITY, "credential of " + claimed.username() + " refused: none of its roles remain");
            throw new AuthenticationException("this account no longer holds these roles");
        }
        Set<Long> outlets = new HashSet<>(claimed.outletIds());
        outlets.retainAll(grant.outletIds());
        return new Caller(claimed.username(), tenant, roles, outlets);
    }

    private Optional<Grant> load(String tenant, long staffId) {
        Optional<TenantRegistry.Entry> entry = tenants.find(tenant);
        if (entry.isEmpty()) {
            return Optional.empty();
        }
        // a read of its own: the callers include threads with no unit of work of their own (a
        // socket's handshake, the socket re-check), where the container's entity manager cannot read
        return TenantContext.callAs(entry.get().context(), () -> transactions.requiresNew(() ->
                Optional.ofNullable(em.find(StaffMember.class, staffId))
                        .map(m -> new Grant(m.isActive(), m.getRoles(), m.getOutletIds()))));
    }
}
