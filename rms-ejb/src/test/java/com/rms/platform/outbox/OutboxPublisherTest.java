package com.rms.platform.outbox;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.platform.messaging.ConsumerHarness;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay's publisher on the real outbox table: each row sent to its queues with its properties, marked once, swept in order. */
class OutboxPublisherTest {

    private ConsumerHarness h;
    /** What was sent: "queue tenantId eventType eventId payload". */
    private final List<String> sent = new ArrayList<>();
    private boolean failSends;

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(OutboxPublisherTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Queue queue(String name) {
        return proxy(Queue.class, (p, m, a) -> m.getName().equals("getQueueName") || m.getName().equals("toString") ? name : null);
    }

    private OutboxPublisher publisher(EntityManager em) {
        Map<String, String> props = new HashMap<>();
        JMSProducer producer = proxy(JMSProducer.class, (p, m, a) -> {
            switch (m.getName()) {
                case "setProperty" -> props.put((String) a[0], String.valueOf(a[1]));
                case "send" -> {
                    if (failSends) {
                        throw new jakarta.jms.JMSRuntimeException("messaging engine down");
                    }
                    sent.add(((Queue) a[0]).getQueueName() + " " + props.get("tenantId") + " " + props.get("eventType")
                            + " " + props.get("eventId") + " " + a[1]);
                }
                default -> { }
            }
            return p;
        });
        JMSContext context = proxy(JMSContext.class, (p, m, a) -> m.getName().equals("createProducer") ? producer : null);
        OutboxPublisher publisher = new OutboxPublisher();
        publisher.em = em;
        publisher.connections = proxy(ConnectionFactory.class, (p, m, a) -> context);
        publisher.inventory = queue("RMS.Inventory");
        publisher.analytics = queue("RMS.Analytics");
        publisher.loyalty = queue("RMS.Loyalty");
        publisher.notifications = queue("RMS.Notifications");
        return publisher;
    }

    private long append(String eventId, String queues) {
        return h.call(ALPHA, em -> {
            OutboxEntry entry = new OutboxEntry(eventId, "order.completed", "order:1", queues, "{\"n\":\"" + eventId + "\"}");
            em.persist(entry);
            return entry.getId();
        });
    }

    @Test
    void aRowIsSentToEachOfItsQueuesWithItsPropertiesAndMarkedOnce() {
        append("e-1", "RMS.Inventory,RMS.Loyalty");
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)));
        assertEquals(List.of("RMS.Inventory alpha order.completed e-1 {\"n\":\"e-1\"}",
                "RMS.Loyalty alpha order.completed e-1 {\"n\":\"e-1\"}"), sent);
        assertEquals(0, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)), "a published row is not sent again");
        assertEquals(2, sent.size());
        assertEquals("[[1]]", h.rows(ALPHA, "select attempts from outbox where published_at is not null").toString());
    }

    @Test
    void aFailedSendLeavesTheRowForTheSweep() {
        append("e-1", "RMS.Analytics");
        failSends = true;
        assertThrows(RuntimeException.class, () -> h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)));
        assertEquals(1, h.count(ALPHA, "outbox", "published_at is null"));
        failSends = false;
        h.sql(ALPHA, "update outbox set created_at = created_at - interval '10' second");
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 10)));
        assertEquals(List.of("RMS.Analytics alpha order.completed e-1 {\"n\":\"e-1\"}"), sent);
        assertEquals(0, h.count(ALPHA, "outbox", "published_at is null"));
    }

    @Test
    void theSweepSendsOnlyRowsPastTheGraceOldestFirstInBatches() {
        long first = append("e-1", "RMS.Analytics");
        long second = append("e-2", "RMS.Analytics");
        long third = append("e-3", "RMS.Analytics");
        h.sql(ALPHA, "update outbox set created_at = created_at - interval '10' second where id in (" + first + ", "
                + second + ", " + third + ")");
        append("e-4", "RMS.Analytics");
        h.sql(ALPHA, "update outbox set published_at = current_timestamp where id = " + second);
        sent.clear();

        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(0, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(List.of("e-1", "e-3"), sent.stream().map(s -> s.split(" ")[3]).toList());
        assertEquals(1, (long) h.call(ALPHA, em -> publisher(em).pending()), "the young row waits for the relay");
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)), "the relay sends it");
        assertEquals(List.of("e-1", "e-3", "e-4"), sent.stream().map(s -> s.split(" ")[3]).toList());
    }
}
