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
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** The current tenant's staff: accounts, roles, the outlets they work at, and their PINs. */
@ApplicationScoped
@Transactional
public class StaffDirectory {

    /** Roles a tenant's account can never hold. */
    private static final Set<Role> NOT_FOR_STAFF = EnumSet.of(Role.PLATFORM_ADMIN, Role.PARTNER);

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
        List<StaffMember> items = em.createQuery("select s from StaffMember s order by s.username", StaffMember.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(s) from StaffMember s", Long.class).getSingleResult();
        return new Page<>(items.stream().map(StaffView::of).toList(), paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public StaffView get(long id) {
        return StaffView.of(require(id));
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
        }
        errors.throwIfAny();
        Caller caller = CallerContext.current();
        boolean managerOnly = caller.has(Role.MANAGER) && !caller.has(Role.OWNER) && !caller.isPlatformAdmin();
        if (managerOnly && (command.roles().contains(Role.OWNER) || existing != null && existing.getRoles().contains(Role.OWNER))) {
            throw new AuthorizationException("only an owner can manage owner accounts");
        }
        if (command.pin() != null && !command.pin().isEmpty()) {
            for (Long outletId : command.outlets()) {
                for (StaffMember other : withPinAt(outletId)) {
                    if ((existing == null || !Objects.equals(other.getId(), existing.getId()))
                            && hashing.verify(command.pin(), other.getPinHash())) {
                        throw new ConflictException("this PIN is already used at outlet " + outletId);
                    }
                }
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
