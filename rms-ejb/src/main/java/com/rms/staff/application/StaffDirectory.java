package com.rms.staff.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.PasswordHashing;
import com.rms.platform.security.Role;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.staff.domain.StaffMember;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The current tenant's staff: accounts, roles, the outlets they work at, and their PINs.
 *
 * <p>Who manages whom: an owner (and the platform) manages everyone. A manager manages only staff
 * who hold nothing but {@code CASHIER WAITER KITCHEN} and whose outlets (at least one) all lie among
 * the manager's own, both as the record is and as the command would make it; grants only those
 * roles; and may not change their own roles, outlets, hourly rate or active flag. A manager's list
 * and {@code GET /staff/{id}} show only the staff they manage and themselves (anyone else is 404
 * there); changing anyone else is 403. Every outlet role needs at least one outlet: having no
 * outlets never means all outlets.
 */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    /** Roles a tenant's account can never hold. */
    private static final Set<Role> NOT_FOR_STAFF = EnumSet.of(Role.PLATFORM_ADMIN, Role.PARTNER);
    /** The roles a manager may grant, and the only roles of staff a manager manages. */
    static final Set<Role> MANAGER_GRANTS = EnumSet.of(Role.CASHIER, Role.WAITER, Role.KITCHEN);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    AuditTrail audit;

    @Inject
    Validation validation;

    @Inject
    OutletDirectory outlets;

    @Inject
    PinAttempts pinAttempts;

    /** Creates the first account of a new tenant. */
    public StaffView createOwner(String username, String password, String displayName) {
        StaffMember owner = new StaffMember(username);
        owner.update(displayName, EnumSet.of(Role.OWNER), Set.of(), null, true);
        owner.setPasswordHash(hashing.hashPassword(password));
        em.persist(owner);
        audit.record("staff.created", "staff:" + username, "roles=OWNER");
        return StaffView.of(owner);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<StaffView> list(PageRequest paging) {
        TenantContext.require();
        Caller caller = CallerContext.current();
        if (!managesEveryone(caller)) {
            // a tenant's staff are a few hundred at most: filter what this caller may see, then page
            List<StaffView> visible = em.createQuery("select s from StaffMember s order by s.username", StaffMember.class)
                    .getResultStream().filter(s -> isSelf(caller, s) || manages(caller, s)).map(StaffView::of).toList();
            return new Page<>(visible.stream().skip(paging.offset()).limit(paging.size()).toList(), paging.page(),
                    paging.size(), visible.size());
        }
        List<StaffMember> items = em.createQuery("select s from StaffMember s order by s.username", StaffMember.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(s) from StaffMember s", Long.class).getSingleResult();
        return new Page<>(items.stream().map(StaffView::of).toList(), paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffView get(long id) {
        return StaffView.of(requireVisible(id));
    }

    public StaffView create(StaffCommand command) {
        validate(command, null);
        if (findByUsername(command.username()).isPresent()) {
            throw new ConflictException("username '" + command.username() + "' is taken");
        }
        StaffMember member = new StaffMember(command.username());
        apply(member, command);
        em.persist(member);
        audit.record("staff.created", "staff:" + member.getUsername(), "roles=" + member.getRoles());
        return StaffView.of(member);
    }

    public StaffView update(long id, StaffCommand command) {
        StaffMember member = require(id);
        Caller caller = CallerContext.current();
        if (!managesEveryone(caller) && !isSelf(caller, member) && !manages(caller, member)) {
            // whatever the body says: this record is not the caller's to change
            throw new AuthorizationException("a manager manages only outlet staff of their own outlets");
        }
        validate(command, member);
        if (!member.getUsername().equals(command.username())) {
            throw new ConflictException("a username cannot be changed");
        }
        Set<Role> before = member.getRoles();
        boolean wasActive = member.isActive();
        apply(member, command);
        audit.record("staff.updated", "staff:" + member.getUsername(), "active=" + member.isActive());
        if (!before.equals(member.getRoles())) {
            audit.record("staff.roles.changed", "staff:" + member.getUsername(), before + " -> " + member.getRoles());
        }
        if (wasActive != member.isActive()) {
            audit.record(member.isActive() ? "staff.activated" : "staff.deactivated", "staff:" + member.getUsername(), null);
        }
        return StaffView.of(member);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<StaffMember> findByUsername(String username) {
        TenantContext.require();
        return em.createQuery("select s from StaffMember s where s.username = :u", StaffMember.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    /**
     * The name a staff member goes by (their display name, else their username), for what others
     * read about their work, such as the cashier on a receipt: whoever may see that work may read it,
     * so this is not limited to the staff the caller manages. Empty when no staff member has that
     * username (an order taken by a platform administrator or a partner).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> nameOf(String username) {
        return findByUsername(username)
                .map(s -> s.getDisplayName() == null || s.getDisplayName().isBlank() ? s.getUsername() : s.getDisplayName());
    }

    /** Active staff of an outlet who have a PIN. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<StaffMember> withPinAt(long outletId) {
        TenantContext.require();
        return em.createQuery("select s from StaffMember s join s.outletIds o where o = :outlet "
                + "and s.pinHash is not null and s.active = true order by s.id", StaffMember.class)
                .setParameter("outlet", outletId).getResultList();
    }

    private StaffMember require(long id) {
        TenantContext.require();
        return Optional.ofNullable(em.find(StaffMember.class, id))
                .orElseThrow(() -> new NotFoundException("no staff member " + id));
    }

    /** A staff member the caller may see: a manager sees only staff they manage, and themselves. */
    private StaffMember requireVisible(long id) {
        StaffMember member = require(id);
        Caller caller = CallerContext.current();
        if (!managesEveryone(caller) && !isSelf(caller, member) && !manages(caller, member)) {
            throw new NotFoundException("no staff member " + id);
        }
        return member;
    }

    /** Owners, platform users and the system (the demo seed, provisioning) manage every account. */
    private static boolean managesEveryone(Caller caller) {
        return caller.has(Role.OWNER) || caller.isPlatformAdmin() || caller.system();
    }

    private static boolean isSelf(Caller caller, StaffMember member) {
        return member.getUsername().equals(caller.username());
    }

    /** Whether a manager manages this member as the record is: only outlet staff, all of whose outlets are theirs. */
    private static boolean manages(Caller caller, StaffMember member) {
        return caller.has(Role.MANAGER) && !isSelf(caller, member) && MANAGER_GRANTS.containsAll(member.getRoles())
                && !member.getOutletIds().isEmpty() && caller.outletIds().containsAll(member.getOutletIds());
    }

    private void validate(StaffCommand command, StaffMember existing) {
        Validation.Errors errors = validation.check(command);
        if (command != null) {
            if (command.roles() != null && command.roles().stream().anyMatch(NOT_FOR_STAFF::contains)) {
                errors.add("roles", "PLATFORM_ADMIN and PARTNER are not staff roles");
            }
            if (command.password() != null && !command.password().isEmpty() && command.password().length() < 8) {
                errors.add("password", "must be at least 8 characters");
            }
            for (Long outletId : command.outlets()) {
                if (outletId != null && !outlets.exists(outletId)) {
                    errors.add("outletIds", "no outlet " + outletId);
                }
            }
            if (command.roles() != null && command.outlets().isEmpty()
                    && !Collections.disjoint(command.roles(), Caller.OUTLET_ROLES)) {
                errors.add("outletIds", "MANAGER, CASHIER, WAITER and KITCHEN need at least one outlet");
            }
        }
        errors.throwIfAny();
        authorize(CallerContext.current(), command, existing);
        checkPinIsFree(command, existing);
    }

    /** The management rules of the class comment; each refusal is a 403 and changes nothing. */
    private static void authorize(Caller caller, StaffCommand command, StaffMember existing) {
        if (managesEveryone(caller)) {
            return;
        }
        if (!caller.has(Role.MANAGER)) {
            throw new AuthorizationException("only owners and managers manage staff");
        }
        if (existing != null && isSelf(caller, existing)) {
            if (!existing.getRoles().equals(EnumSet.copyOf(command.roles()))
                    || !existing.getOutletIds().equals(Set.copyOf(command.outlets()))
                    || !sameRate(existing.getHourlyRate(), command.hourlyRate())
                    || existing.isActive() != command.isActive()) {
                throw new AuthorizationException("a manager cannot change their own roles, outlets, rate or status");
            }
            return;
        }
        if (command.roles().contains(Role.OWNER) || existing != null && existing.getRoles().contains(Role.OWNER)) {
            throw new AuthorizationException("only an owner can manage owner accounts");
        }
        if (existing != null && !manages(caller, existing)) {
            throw new AuthorizationException("a manager manages only outlet staff of their own outlets");
        }
        if (!MANAGER_GRANTS.containsAll(command.roles())) {
            throw new AuthorizationException("a manager may grant only CASHIER, WAITER and KITCHEN");
        }
        if (!caller.outletIds().containsAll(command.outlets())) {
            throw new AuthorizationException("a manager may assign only their own outlets");
        }
    }

    private static boolean sameRate(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * A PIN is unique per outlet, and "this PIN is taken" tells the caller someone's PIN: each check
     * is a PIN guess, charged to the caller's address and the caller in the PIN lockout, kept when the
     * PIN clashes (409, naming no one) and given back when it is free.
     */
    private void checkPinIsFree(StaffCommand command, StaffMember existing) {
        if (command.pin() == null || command.pin().isEmpty()) {
            return;
        }
        Caller caller = CallerContext.current();
        for (Long outletId : command.outlets()) {
            PinAttempts.Reservation reservation = caller.system() ? null
                    : pinAttempts.reserve(outletId, Authenticator.callerClients());
            boolean clash = false;
            for (StaffMember other : withPinAt(outletId)) {
                if ((existing == null || !Objects.equals(other.getId(), existing.getId()))
                        && hashing.verify(command.pin(), other.getPinHash())) {
                    clash = true;
                    break;
                }
            }
            if (reservation != null) {
                if (clash) {
                    pinAttempts.failed(reservation);
                } else {
                    pinAttempts.refund(reservation);
                }
            }
            if (clash) {
                throw new ConflictException("this PIN cannot be used at outlet " + outletId + "; choose another");
            }
        }
    }

    private void apply(StaffMember member, StaffCommand command) {
        member.update(command.displayName().trim(), command.roles(), command.outlets(), command.hourlyRate(),
                command.isActive());
        if (command.password() != null) {
            member.setPasswordHash(command.password().isEmpty() ? null : hashing.hashPassword(command.password()));
        }
        if (command.pin() != null) {
            member.setPinHash(command.pin().isEmpty() ? null : hashing.hashPin(command.pin()));
        }
    }
}
