package com.rms.platform.outbox;

import static com.rms.platform.messaging.ConsumerHarness.ALPHA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.rms.analytics.application.SalesFactsAccess;
import com.rms.platform.messaging.BatchApplier;
import com.rms.platform.messaging.ConsumerHarness;
import com.rms.platform.messaging.EventConsumer;
import com.rms.platform.messaging.EventJson;
import com.rms.platform.messaging.EventQueue;
import com.rms.platform.messaging.OrderCompleted;
import com.rms.platform.messaging.OutageBackoff;
import com.rms.platform.messaging.SaleLine;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The relay and the sweep on the real outbox table with a messaging engine played in memory: each
 * row sent to its queues with its properties in one local JMS transaction, marked published only
 * after the send, swept oldest first; a failure between send and mark sends the row again, and the
 * consumer applies the two copies once.
 */
class OutboxPublisherTest {

    private ConsumerHarness h;
    /** What reached the queues (committed): "queue tenantId eventType eventId payload". */
    private final List<String> sent = new ArrayList<>();
    /** Unpublished rows at the moment of each commit of a send. */
    private final List<Long> unpublishedAtSend = new ArrayList<>();
    private boolean failSends;
    private int commits;

    @BeforeEach
    void open() {
        h = new ConsumerHarness(ALPHA);
        h.seedOutlets(ALPHA);
    }

    @AfterEach
    void close() {
        h.close();
    }

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(OutboxPublisherTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** A local-transaction JMS context: sends become visible at commit, and are dropped on close without it. */
    private JMSContext context() {
        List<String> pending = new ArrayList<>();
        Map<String, String> props = new HashMap<>();
        JMSProducer producer = proxy(JMSProducer.class, (p, m, a) -> {
            switch (m.getName()) {
                case "setProperty" -> props.put((String) a[0], String.valueOf(a[1]));
                case "send" -> {
                    if (failSends) {
                        throw new jakarta.jms.JMSRuntimeException("messaging engine down");
                    }
                    pending.add(((Queue) a[0]).getQueueName() + " " + props.get("tenantId") + " " + props.get("eventType")
                            + " " + props.get("eventId") + " " + a[1]);
                }
                default -> { }
            }
            return p;
        });
        return proxy(JMSContext.class, (p, m, a) -> switch (m.getName()) {
            case "createProducer" -> producer;
            case "createQueue" -> proxy(Queue.class, (q, qm, qa) -> qm.getName().equals("getQueueName")
                    || qm.getName().equals("toString") ? a[0] : null);
            case "commit" -> {
                unpublishedAtSend.add(h.count(ALPHA, "outbox", "published_at is null"));
                sent.addAll(pending);
                pending.clear();
                commits++;
                yield null;
            }
            default -> null;
        });
    }

    private OutboxSender sender() {
        OutboxSender sender = new OutboxSender();
        sender.connections = proxy(ConnectionFactory.class, (p, m, a) -> {
            assertEquals(List.of(JMSContext.SESSION_TRANSACTED), a == null ? List.of() : List.of(a),
                    "a local JMS transaction");
            return context();
        });
        return sender;
    }

    private OutboxPublisher publisher(EntityManager em) {
        OutboxPublisher publisher = new OutboxPublisher();
        publisher.em = em;
        publisher.sender = sender();
        return publisher;
    }

    private OutboxEntry append(String eventId, String queues, String payload) {
        return h.call(ALPHA, em -> {
            OutboxEntry entry = new OutboxEntry(eventId, "order.completed", "order:1", queues, payload);
            em.persist(entry);
            return entry;
        });
    }

    private long append(String eventId, String queues) {
        return append(eventId, queues, "{\"n\":\"" + eventId + "\"}").getId();
    }

    private List<String> eventIds() {
        return sent.stream().map(s -> s.split(" ")[3]).toList();
    }

    @Test
    void aRowIsSentToEachOfItsQueuesWithItsPropertiesInOneLocalTransactionAndMarkedOnce() {
        append("e-1", "RMS.Inventory,RMS.Loyalty");
        append("e-2", "RMS.Analytics");
        assertEquals(2, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)));
        assertEquals(List.of("RMS.Inventory alpha order.completed e-1 {\"n\":\"e-1\"}",
                "RMS.Loyalty alpha order.completed e-1 {\"n\":\"e-1\"}",
                "RMS.Analytics alpha order.completed e-2 {\"n\":\"e-2\"}"), sent);
        assertEquals(1, commits, "one commit for the batch");
        assertEquals(0, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ZERO, 10)), "a published row is not sent again");
        assertEquals(3, sent.size());
        assertEquals("[[1], [1]]", h.rows(ALPHA, "select attempts from outbox where published_at is not null").toString());
    }

    @Test
    void aFailedSendLeavesTheRowForTheNextSweep() {
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

        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(0, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 1)));
        assertEquals(List.of("e-1", "e-3"), eventIds());
        assertEquals(1, (long) h.call(ALPHA, em -> publisher(em).pending()), "the young row waits for the relay");
    }

    @Test
    void rowsLockedByAnotherSweepAreSkippedNotSentTwice() {
        append("e-1", "RMS.Analytics");
        append("e-2", "RMS.Analytics");
        h.sql(ALPHA, "update outbox set created_at = created_at - interval '10' second");
        // the other server's sweep holds e-1 while it sends
        h.run(ALPHA, other -> {
            other.createNativeQuery("select id from outbox where event_id = 'e-1' for update").getResultList();
            assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 10)));
        });
        assertEquals(List.of("e-2"), eventIds());
    }

    /** The relay as the server runs it, its executor running each drain at once. */
    private OutboxRelay relay(boolean markingFails) {
        OutboxRelay relay = new OutboxRelay();
        relay.sender = sender();
        relay.graceSeconds = 5;
        relay.executor = proxy(ManagedExecutorService.class, (p, m, a) -> {
            if (m.getName().equals("execute")) {
                ((Runnable) a[0]).run();
            }
            return null;
        });
        relay.publisher = new OutboxPublisher() {
            @Override
            public int markPublished(Collection<Long> ids) {
                h.down.set(markingFails);
                try {
                    return h.call(TenantContext.require(), em -> publisher(em).markPublished(ids));
                } finally {
                    h.down.set(false);
                }
            }
        };
        return relay;
    }

    private void committed(OutboxRelay relay, OutboxMessage message) {
        TenantContext.runAs(ALPHA, () -> relay.onCommitted(new OutboxWritten("alpha", message)));
    }

    private void committed(OutboxRelay relay, OutboxEntry entry) {
        committed(relay, OutboxMessage.of(entry));
    }

    @Test
    void theRelaySendsWhatTheTransactionWroteAndMarksItPublishedOnlyAfterTheSend() {
        OutboxRelay relay = relay(false);
        OutboxEntry one = append("e-1", "RMS.Inventory,RMS.Analytics", "{\"n\":1}");
        committed(relay, one);
        assertEquals(List.of("RMS.Inventory alpha order.completed e-1 {\"n\":1}",
                "RMS.Analytics alpha order.completed e-1 {\"n\":1}"), sent);
        assertEquals(List.of(1L), unpublishedAtSend, "the row is still unpublished when the send commits");
        assertEquals(0, h.count(ALPHA, "outbox", "published_at is null"));

        // a row the relay got too late (older than the sweep's grace) is the sweep's, not sent twice at once
        OutboxMessage late = OutboxMessage.of(append("e-2", "RMS.Analytics", "{\"n\":2}"));
        committed(relay, new OutboxMessage(late.id(), late.eventId(), late.eventType(), late.queues(), late.payload(),
                late.createdAt().minusSeconds(6)));
        assertEquals(2, sent.size());
        assertEquals(1, h.count(ALPHA, "outbox", "published_at is null"));
    }

    @Test
    void aFailureBetweenSendAndMarkSendsTheEventAgainAndTheConsumerAppliesItOnce() {
        OrderCompleted sale = new OrderCompleted(41L, 1L, "41", "TAKEAWAY", "cashier", "EUR", null, new BigDecimal("9.00"),
                BigDecimal.ZERO, new BigDecimal("0.90"), new BigDecimal("9.90"), BigDecimal.ZERO,
                List.of(new SaleLine(1L, 100L, "BURGER", "Burger", 7L, "Mains", List.of(), 1, new BigDecimal("9.00"),
                        new BigDecimal("0.90"), new BigDecimal("9.90"))), "order-41", OffsetDateTime.parse(
                        "2025-03-10T12:00:00Z"), null, null);
        String eventId = UUID.randomUUID().toString();
        OutboxEntry row = append(eventId, EventQueue.ANALYTICS.queueName(), EventJson.write(sale.stamped(eventId, "alpha")));

        committed(relay(true), row);
        assertEquals(1, sent.size(), "sent");
        assertEquals(1, h.count(ALPHA, "outbox", "published_at is null"), "but not marked: the database was away");

        h.sql(ALPHA, "update outbox set created_at = created_at - interval '10' second");
        assertEquals(1, (int) h.call(ALPHA, em -> publisher(em).sweep(Duration.ofSeconds(5), 10)));
        assertEquals(2, sent.size(), "the sweep sent it again");
        assertEquals(0, h.count(ALPHA, "outbox", "published_at is null"));

        List<Message> copies = sent.stream().map(OutboxPublisherTest::asMessage).toList();
        BatchApplier.Outcome outcome = consumer().apply(copies);
        assertEquals(new BatchApplier.Outcome(1, 1, List.of()), outcome);
        assertEquals(1, h.count(ALPHA, "sales_fact", null), "one line, recorded once");
    }

    private BatchApplier consumer() {
        return new BatchApplier(ConsumerHarness.handler(EventConsumer.ANALYTICS),
                h.transaction(em -> SalesFactsAccess.facts(em)::apply),
                m -> com.rms.platform.messaging.EventMessage.read(property(m, "tenantId"), property(m, "eventType"),
                        property(m, "eventId"), text(m), ConsumerHarness.VALIDATOR),
                OutageBackoff.of("test", () -> true), millis -> { }, 5);
    }

    /** A sent line as the message the queue holds. */
    private static Message asMessage(String line) {
        String[] parts = line.split(" ", 5);
        Map<String, String> props = Map.of("tenantId", parts[1], "eventType", parts[2], "eventId", parts[3]);
        return proxy(TextMessage.class, (p, m, a) -> switch (m.getName()) {
            case "getStringProperty" -> props.get((String) a[0]);
            case "getText" -> parts[4];
            default -> null;
        });
    }

    private static String property(Message m, String name) {
        try {
            return m.getStringProperty(name);
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Message m) {
        try {
            return ((TextMessage) m).getText();
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
