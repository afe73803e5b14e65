package com.rms.platform.outbox;

import com.rms.platform.tenant.TenantContext;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Sends outbox rows to their queues and marks them published in one JTA transaction: the JMS sends
 * and the update commit together or not at all. The row is locked first, so the relay and the sweep
 * (of this or another server) never send the same row at the same time; a row sent twice anyway
 * (a crash after the send) is harmless because consumers are idempotent by event id.
 */
@ApplicationScoped
public class OutboxPublisher {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Resource(lookup = "jms/rmsConnectionFactory")
    ConnectionFactory connections;

    @Resource(lookup = "jms/RMS.Inventory")
    Queue inventory;

    @Resource(lookup = "jms/RMS.Analytics")
    Queue analytics;

    @Resource(lookup = "jms/RMS.Loyalty")
    Queue loyalty;

    @Resource(lookup = "jms/RMS.Notifications")
    Queue notifications;

    /**
     * Publishes, oldest first, up to {@code limit} rows of the current tenant still unpublished
     * {@code grace} after they were written: with no grace what the relay drains after a commit, with
     * one what a crash or a full executor left behind for the sweep.
     *
     * @return how many were sent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep(Duration grace, int limit) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(grace);
        List<Long> ids = em.createQuery("select m.id from OutboxEntry m where m.publishedAt is null "
                + "and m.createdAt < :before order by m.id", Long.class)
                .setParameter("before", before).setMaxResults(limit).getResultList();
        List<OutboxEntry> due = ids.stream()
                .map(id -> em.find(OutboxEntry.class, id, LockModeType.PESSIMISTIC_WRITE))
                .filter(m -> m != null && m.getPublishedAt() == null)
                .toList();
        send(due);
        return due.size();
    }

    /** How many rows of the current tenant wait to be sent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending() {
        return em.createQuery("select count(m) from OutboxEntry m where m.publishedAt is null", Long.class)
                .getSingleResult();
    }

    private void send(List<OutboxEntry> messages) {
        if (messages.isEmpty()) {
            return;
        }
        String tenant = TenantContext.require().slug();
        Map<String, Queue> queues = Map.of("RMS.Inventory", inventory, "RMS.Analytics", analytics,
                "RMS.Loyalty", loyalty, "RMS.Notifications", notifications);
        // created in the JTA transaction, the context's session is enlisted in it
        try (JMSContext context = connections.createContext()) {
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (OutboxEntry message : messages) {
                producer.setProperty("tenantId", tenant).setProperty("eventType", message.getEventType())
                        .setProperty("eventId", message.getEventId());
                for (String name : message.getQueues().split(",")) {
                    Queue queue = queues.get(name.trim());
                    if (queue == null) {
                        throw new IllegalStateException("outbox row " + message.getId() + " names unknown queue " + name);
                    }
                    producer.send(queue, message.getPayload());
                }
                message.attempted();
                message.published();
            }
        }
    }
}
