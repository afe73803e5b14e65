package com.rms.inventory.application;

import com.rms.inventory.domain.Supplier;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/** The current tenant's suppliers, unique by name. Deactivating one keeps its purchase orders. */
@ApplicationScoped
@Transactional
public class Suppliers {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Validation validation;

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<SupplierView> list(PageRequest paging) {
        TenantContext.require();
        List<SupplierView> items = em.createQuery("select s from Supplier s order by s.name", Supplier.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size())
                .getResultStream().map(SupplierView::of).toList();
        long total = em.createQuery("select count(s) from Supplier s", Long.class).getSingleResult();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SupplierView get(long id) {
        return SupplierView.of(require(id));
    }

    public SupplierView create(SupplierCommand command) {
        TenantContext.require();
        validation.check(command).throwIfAny();
        ensureNameFree(command.name().trim(), null);
        Supplier supplier = new Supplier(command.name().trim());
        supplier.update(command.name().trim(), command.email(), command.phone(), command.address(), command.isActive());
        em.persist(supplier);
        em.flush();
        return SupplierView.of(supplier);
    }

    public SupplierView update(long id, SupplierCommand command) {
        Supplier supplier = require(id);
        validation.check(command).throwIfAny();
        ensureNameFree(command.name().trim(), id);
        supplier.update(command.name().trim(), command.email(), command.phone(), command.address(), command.isActive());
        em.flush();
        return SupplierView.of(supplier);
    }

    Supplier require(long id) {
        TenantContext.require();
        Supplier supplier = em.find(Supplier.class, id);
        if (supplier == null) {
            throw new NotFoundException("no supplier " + id);
        }
        return supplier;
    }

    private void ensureNameFree(String name, Long self) {
        boolean taken = em.createQuery("select s.id from Supplier s where s.name = :n", Long.class)
                .setParameter("n", name).getResultStream().anyMatch(id -> !id.equals(self));
        if (taken) {
            throw new ConflictException("a supplier named '" + name + "' exists");
        }
    }
}
