package com.rms.platform.outbox;

import com.rms.platform.messaging.EventQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.transaction.Transactional;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Sends outbox messages to their queues in one local JMS transaction per batch, outside any JTA
 * transaction (a caller's is suspended): the database is never a participant, so no two-phase or
 * last-participant commit; the batch is stored persistently (assured, as the connection factory
 * says) with one commit. The caller marks the rows published after this returns; a crash in between
 * sends them again, which the consumers' dedup by event id makes harmless.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class OutboxSender {

    @Resource(lookup = "jms/rmsConnectionFactory")
    ConnectionFactory connections;

    /** Sends every message to each of its queues with the tenant, type and id as properties; all or none. */
    public void send(String tenant, List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            Map<EventQueue, Queue> queues = new EnumMap<>(EventQueue.class);
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            for (OutboxMessage message : messages) {
                producer.setProperty("tenantId", tenant).setProperty("eventType", message.eventType())
                        .setProperty("eventId", message.eventId());
                for (String name : message.queues()) {
                    EventQueue queue = queue(message, name);
                    producer.send(queues.computeIfAbsent(queue, q -> context.createQueue(q.queueName())),
                            message.payload());
                }
            }
            context.commit();
        }
    }

    private static EventQueue queue(OutboxMessage message, String name) {
        try {
            return EventQueue.of(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("outbox row " + message.id() + " names unknown queue " + name, e);
        }
    }
}
