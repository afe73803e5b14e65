package com.rms.platform.messaging;

import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.platform.tenant.TenantContext.Tenant;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.function.Function;
import com.rms.testing.TenantDatabase;

/**
 * The side-effect consumers in process: an in-memory H2 set up as the server's, the real Flyway
 * migrations, EclipseLink with the tenant schema listener, beans wired by hand. {@link #call} plays
 * a container transaction: one EntityManager and transaction, the tenant and a system caller on the
 * thread, rollback on any exception; {@link #transaction} plays {@link EventTransactions} on it.
 */
public final class ConsumerHarness extends TenantDatabase {

    public static final Tenant ALPHA = Tenant.of("alpha");
    public static final Tenant BETA = Tenant.of("beta");

    /** Bean Validation as the server's (Hibernate Validator), for reading events. */
    public static final Validator VALIDATOR = Validation.buildDefaultValidatorFactory().getValidator();

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

    /**
     * What {@link EventTransactions} does in the server's transaction, on {@code em}: the events
     * {@code consumer} has not applied before are recorded and applied with {@code apply}.
     *
     * @return how many were applied
     */
    public static int applyNew(EntityManager em, EventConsumer consumer, java.util.function.Consumer<SaleEvent> apply,
            List<EventMessage> events) {
        return applyNewAll(em, consumer, all -> all.forEach(apply), events);
    }

    /** As {@link #applyNew}, handing the new events to {@code applyAll} together, as a consumer's batch. */
    public static int applyNewAll(EntityManager em, EventConsumer consumer,
            java.util.function.Consumer<List<SaleEvent>> applyAll, List<EventMessage> events) {
        List<EventMessage> fresh = processed(em).firstTimes(consumer, events);
        if (!fresh.isEmpty()) {
            applyAll.accept(fresh.stream().map(EventMessage::event).toList());
        }
        return fresh.size();
    }

    /**
     * What {@link EventConsumers} does in the server, on this database: one transaction per call as
     * the events' tenant, in which the handler made by {@code handlers} on the transaction's
     * EntityManager applies the events it has not applied before.
     */
    public BatchApplier.Transaction transaction(Function<EntityManager, java.util.function.Consumer<SaleEvent>> handlers) {
        return (handler, tenant, events) -> call(Tenant.of(tenant),
                em -> applyNew(em, handler.consumer(), handlers.apply(em), events));
    }

    /** An event handler of {@code consumer} as the receivers see it (what it applies is the transaction's). */
    public static EventHandler handler(EventConsumer consumer) {
        return new EventHandler() {
            @Override
            public EventConsumer consumer() {
                return consumer;
            }

            @Override
            public void apply(SaleEvent event) {
                throw new UnsupportedOperationException("applied by the harness's transaction");
            }
        };
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

    /** The event a consumer reads from a message with these properties and body (malformed: thrown). */
    public static EventMessage event(Tenant tenant, String type, String eventId, String json) {
        return EventMessage.read(tenant.slug(), type, eventId, json, VALIDATOR);
    }

    /** Two outlets: 1 in Europe/Berlin, 2 in UTC. */
    public void seedOutlets(Tenant tenant) {
        sql(tenant, "insert into outlet (id, name, timezone, currency, created_at, updated_at) values "
                + "(1, 'Mitte', 'Europe/Berlin', 'EUR', current_timestamp, current_timestamp), "
                + "(2, 'Hafen', 'UTC', 'EUR', current_timestamp, current_timestamp)");
    }
}
