package com.rms.tenancy.application;

import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.tenancy.domain.Tenant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The tenant registry in the control schema; every method is its own short transaction. */
@ApplicationScoped
@Transactional(TxType.REQUIRES_NEW)
public class TenantStore {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    public Tenant register(Tenant tenant) {
        if (find(tenant.getSlug()).isPresent()) {
            throw new ConflictException("a tenant with slug '" + tenant.getSlug() + "' exists");
        }
        em.persist(tenant);
        em.flush();
        return tenant;
    }

    public Optional<Tenant> find(String slug) {
        return em.createQuery("select t from Tenant t where t.slug = :slug", Tenant.class)
                .setParameter("slug", slug).getResultStream().findFirst();
    }

    public List<Tenant> all() {
        return em.createQuery("select t from Tenant t order by t.slug", Tenant.class).getResultList();
    }

    public List<Tenant> page(int offset, int size) {
        return em.createQuery("select t from Tenant t order by t.slug", Tenant.class)
                .setFirstResult(offset).setMaxResults(size).getResultList();
    }

    public long count() {
        return em.createQuery("select count(t) from Tenant t", Long.class).getSingleResult();
    }

    /** Applies {@code change} to the tenant and commits it. */
    public Tenant change(String slug, Consumer<Tenant> change) {
        Tenant tenant = find(slug).orElseThrow(() -> new NotFoundException("no tenant '" + slug + "'"));
        change.accept(tenant);
        return tenant;
    }

    public void remove(String slug) {
        find(slug).ifPresent(em::remove);
    }
}
