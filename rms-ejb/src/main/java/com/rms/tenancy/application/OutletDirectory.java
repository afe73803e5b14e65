package com.rms.tenancy.application;

import com.rms.platform.audit.AuditTrail;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.events.Events;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.security.ChainRules;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import com.rms.tenancy.domain.DiningTable;
import com.rms.tenancy.domain.TableState;
import com.rms.tenancy.domain.Outlet;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/**
 * The current tenant's outlets and their tables. Staff limited to some outlets see and touch only
 * those; everyone else in the tenant sees all. Outlets are opened and changed by the owner only
 * (audited); tables by the outlet's managers too. Changes are announced to real-time subscribers
 * after commit.
 */
@ApplicationScoped
@Transactional
public class OutletDirectory {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Inject
    Events events;

    @Inject
    AuditTrail audit;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<OutletView> list(PageRequest paging) {
        TenantContext.require();
        Caller caller = CallerContext.current();
        if (caller.limitedToOutlets() && caller.outletIds().isEmpty()) {
            return new Page<>(List.of(), paging.page(), paging.size(), 0);
        }
        String where = caller.limitedToOutlets() ? " where o.id in :ids" : "";
        TypedQuery<Outlet> query = em.createQuery("select o from Outlet o" + where + " order by o.name", Outlet.class);
        TypedQuery<Long> count = em.createQuery("select count(o) from Outlet o" + where, Long.class);
        if (caller.limitedToOutlets()) {
            query.setParameter("ids", caller.outletIds());
            count.setParameter("ids", caller.outletIds());
        }
        List<OutletView> items = query.setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(OutletView::of).toList();
        return new Page<>(items, paging.page(), paging.size(), count.getSingleResult());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public OutletView get(long id) {
        return OutletView.of(require(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(long id) {
        TenantContext.require();
        return em.find(Outlet.class, id) != null;
    }

    /**
     * The outlet whoever asks, for a context that decides itself who may see it (analytics: a batch
     * operator reads every outlet's figures without working at any).
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<OutletView> find(long id) {
        TenantContext.require();
        return Optional.ofNullable(em.find(Outlet.class, id)).map(OutletView::of);
    }

    /**
     * The outlets whose reports and figures {@code caller} may read, by name: not only those they
     * work at (a batch operator reads every outlet's without working at any; see
     * {@link Caller#mayReadReportsOf}). Reports, the dashboard and the sales pages offer these.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<OutletView> reportableBy(Caller caller) {
        TenantContext.require();
        return em.createQuery("select o from Outlet o order by o.name", Outlet.class).getResultStream()
                .filter(o -> caller.mayReadReportsOf(o.getId())).map(OutletView::of).toList();
    }

    /** The currencies the tenant's outlets trade in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<String> currencies() {
        TenantContext.require();
        return em.createQuery("select distinct o.currency from Outlet o", String.class).getResultList();
    }

    public OutletView create(OutletCommand command) {
        ChainRules.requireChainOwner("open an outlet");
        validate(command);
        ensureNameFree(command.name().trim(), null);
        Outlet outlet = new Outlet(command.name().trim(), command.address(), command.taxIdOrNull(), command.timezone(),
                command.currency());
        outlet.update(outlet.getName(), command.address(), command.taxIdOrNull(), command.timezone(), command.currency(),
                command.isActive());
        em.persist(outlet);
        em.flush();
        audit.record("outlet.created", "outlet:" + outlet.getId(), describe(outlet));
        announceOutlet(outlet);
        return OutletView.of(outlet);
    }

    public OutletView update(long id, OutletCommand command) {
        ChainRules.requireChainOwner("change an outlet");
        Outlet outlet = require(id);
        validate(command);
        ensureNameFree(command.name().trim(), id);
        String before = describe(outlet);
        outlet.update(command.name().trim(), command.address(), command.taxIdOrNull(), command.timezone(),
                command.currency(), command.isActive());
        em.flush();
        String after = describe(outlet);
        if (!before.equals(after)) {
            audit.record("outlet.changed", "outlet:" + outlet.getId(), before + " -> " + after);
        }
        announceOutlet(outlet);
        return OutletView.of(outlet);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<TableView> tables(long outletId) {
        require(outletId);
        return em.createQuery("select t from DiningTable t where t.outletId = :o order by t.label", DiningTable.class)
                .setParameter("o", outletId).getResultStream().map(TableView::of).toList();
    }

    public TableView createTable(long outletId, TableCommand command) {
        require(outletId);
        validation.check(command).throwIfAny();
        ensureLabelFree(outletId, command.label().trim(), null);
        DiningTable table = new DiningTable(outletId, command.label().trim(), command.seats(), command.area());
        table.update(table.getLabel(), command.seats(), command.area(), command.stateOrFree());
        em.persist(table);
        em.flush();
        announceTable(table);
        return TableView.of(table);
    }

    public TableView updateTable(long outletId, long tableId, TableCommand command) {
        require(outletId);
        DiningTable table = em.find(DiningTable.class, tableId);
        if (table == null || table.getOutletId() != outletId) {
            throw new NotFoundException("no table " + tableId + " at outlet " + outletId);
        }
        validation.check(command).throwIfAny();
        ensureLabelFree(outletId, command.label().trim(), tableId);
        table.update(command.label().trim(), command.seats(), command.area(), command.stateOrFree());
        em.flush();
        announceTable(table);
        return TableView.of(table);
    }

    /**
     * Checks that a table is at the outlet (404 otherwise) and, when {@code state} is given, moves it
     * there (the point of sale occupies and frees tables with its orders).
     */
    public TableView table(long outletId, long tableId, TableState state) {
        require(outletId);
        DiningTable table = em.find(DiningTable.class, tableId);
        if (table == null || table.getOutletId() != outletId) {
            throw new NotFoundException("no table " + tableId + " at outlet " + outletId);
        }
        if (state != null && table.getState() != state) {
            table.update(table.getLabel(), table.getSeats(), table.getArea(), state);
            announceTable(table);
        }
        return TableView.of(table);
    }

    private static String describe(Outlet outlet) {
        return "name=" + outlet.getName() + " taxId=" + outlet.getTaxId() + " timezone=" + outlet.getTimezone() + " currency=" + outlet.getCurrency()
                + " active=" + outlet.isActive();
    }

    private Outlet require(long id) {
        TenantContext.require();
        Outlet outlet = em.find(Outlet.class, id);
        if (outlet == null || !CallerContext.current().mayAccessOutlet(id)) {
            throw new NotFoundException("no outlet " + id);
        }
        return outlet;
    }

    private void validate(OutletCommand command) {
        validation.check(command)
                .zone("timezone", command == null ? null : command.timezone())
                .currency("currency", command == null ? null : command.currency())
                .throwIfAny();
    }

    private void ensureNameFree(String name, Long self) {
        boolean taken = em.createQuery("select o.id from Outlet o where o.name = :n", Long.class)
                .setParameter("n", name).getResultStream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException("an outlet named '" + name + "' exists");
        }
    }

    private void ensureLabelFree(long outletId, String label, Long self) {
        boolean taken = em.createQuery("select t.id from DiningTable t where t.outletId = :o and t.label = :l", Long.class)
                .setParameter("o", outletId).setParameter("l", label).getResultStream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException("outlet " + outletId + " already has a table '" + label + "'");
        }
    }

    private void announceOutlet(Outlet o) {
        events.publish(o.getId(), "outlet.updated", Json.createObjectBuilder()
                .add("id", o.getId()).add("name", o.getName()).add("active", o.isActive()).build());
    }

    private void announceTable(DiningTable t) {
        events.publish(t.getOutletId(), "table.updated", Json.createObjectBuilder()
                .add("id", t.getId()).add("label", t.getLabel()).add("seats", t.getSeats())
                .add("state", t.getState().name()).build());
    }
}
