package com.rms.platform.messaging;

import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.function.Function;
import com.rms.testing.TenantDatabase;

/**
 * The side-effect consumers in process: an in-memory H2 set up as the server's, the real Flyway
 * migrations, EclipseLink with the tenant schema listener, beans wired by hand. {@link #call} plays
 * the message-driven bean's container transaction: one EntityManager and transaction, the tenant
 * and a system caller on the thread, rollback on any exception.
 */
public final class ConsumerHarness extends TenantDatabase {

    public static final Tenant ALPHA = Tenant.of("alpha");
    public static final Tenant BETA = Tenant.of("beta");

    public ConsumerHarness(Tenant... tenants) {
        super("consumers", tenants);
    }

    /** Runs {@code work} in one transaction as {@code tenant}'s consumer would. */
    public <T> T call(Tenant tenant, Function<EntityManager, T> work) {
        TenantContext.set(tenant);
        CallerContext.set(Caller.system("system:test", tenant.slug()));
        EntityManager em = emf.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
            TenantContext.clear();
            CallerContext.clear();
        }
    }

    public void run(Tenant tenant, java.util.function.Consumer<EntityManager> work) {
        call(tenant, em -> {
            work.accept(em);
            return null;
        });
    }

    /** The dedup table on {@code em}. */
    public static ProcessedEvents processed(EntityManager em) {
        ProcessedEvents processed = new ProcessedEvents();
        processed.em = em;
        return processed;
    }

    public static OutletDirectory outlets(EntityManager em) {
        OutletDirectory outlets = new OutletDirectory();
        inject(outlets, "em", em);
        return outlets;
    }

    public static EventMessage event(Tenant tenant, String type, String eventId, String json) {
        return EventMessage.of(tenant.slug(), type, eventId, json);
    }

    /** Two outlets: 1 in Europe/Berlin, 2 in UTC. */
    public void seedOutlets(Tenant tenant) {
        sql(tenant, "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                + "(1, 'Mitte', 'Europe/Berlin', 'EUR', current_timestamp, current_timestamp), "
                + "(2, 'Hafen', 'UTC', 'EUR', current_timestamp, current_timestamp)");
    }
}
