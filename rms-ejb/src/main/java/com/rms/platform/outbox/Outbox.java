package com.rms.platform.outbox;

import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import com.rms.platform.messaging.EventJson;
import com.rms.platform.messaging.EventQueue;
import com.rms.platform.messaging.EventType;
import com.rms.platform.messaging.SaleEvent;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The transactional outbox of the current tenant: an event appended here commits or rolls back with
 * the business change that caused it, and is relayed to its JMS queues after commit.
 */
@ApplicationScoped
public class Outbox {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Event<OutboxWritten> written;

    /**
     * Appends a typed event in the caller's transaction, for the queues of its {@link EventType}; the
     * event is stamped with its new id and the tenant.
     *
     * @return the event id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String append(SaleEvent event, String aggregateId) {
        String tenant = TenantContext.require().slug();
        String eventId = UUID.randomUUID().toString();
        EventType type = EventType.of(event);
        OutboxEntry entry = new OutboxEntry(eventId, type.wireName(), aggregateId, type.queues().stream()
                .map(EventQueue::queueName).collect(Collectors.joining(",")),
                EventJson.write(event.stamped(eventId, tenant)));
        em.persist(entry);
        written.fire(new OutboxWritten(tenant, OutboxMessage.of(entry)));
        return eventId;
    }
}
