package com.rms.platform.outbox;

import com.rms.platform.error.ValidationException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Appends an event to the current tenant's outbox in the caller's transaction: it is committed with
 * the business change or not at all. {@link OutboxRelay} sends it after commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

    /** The queues of the architecture (JNDI {@code jms/<name>}). */
    public static final Set<String> QUEUES = Set.of("RMS.Inventory", "RMS.Analytics", "RMS.Loyalty", "RMS.Notifications");

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Event<OutboxWritten> written;

    /**
     * Appends one event. The payload gets {@code eventId} and {@code tenant} (set here, whatever the caller put there).
     *
     * @return the new event id
     */
    public String append(String eventType, String aggregateId, JsonObject payload, String... queues) {
        TenantContext.Tenant tenant = TenantContext.require();
        if (queues.length == 0 || !QUEUES.containsAll(List.of(queues))) {
            throw new ValidationException("an outbox event names its queues",
                    List.of(new FieldError("queues", "must be some of " + QUEUES)));
        }
        String eventId = UUID.randomUUID().toString();
        String body = Json.createObjectBuilder(payload).add("eventId", eventId).add("tenant", tenant.slug()).build()
                .toString();
        OutboxMessage message = new OutboxMessage(eventId, eventType, aggregateId, List.of(queues), body);
        em.persist(message);
        written.fire(new OutboxWritten(tenant.slug(), message.getId()));
        return eventId;
    }
}
