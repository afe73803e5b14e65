package com.rms.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A receiving thread against a messaging engine played in memory: it takes a batch, commits its
 * local JMS transaction only after the batch is applied (so a message is acknowledged after its
 * effect), moves what is rejected to the exception destination with why, in the same transaction,
 * and while the database is away it neither commits nor rolls back (no redelivery is counted).
 */
class QueueReceiverTest {

    private final Deque<Message> queue = new ArrayDeque<>();
    private final List<String> log = new ArrayList<>();
    /** What reached the exception destination: its properties. */
    private final List<Map<String, Object>> exceptions = new ArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);

    private static <T> T proxy(Class<T> type, java.lang.reflect.InvocationHandler handler) {
        return type.cast(Proxy.newProxyInstance(QueueReceiverTest.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    /** A text message whose properties can be set, as the context creates them. */
    private static TextMessage created(String body) {
        Map<String, Object> props = new HashMap<>();
        return proxy(TextMessage.class, (p, m, a) -> switch (m.getName()) {
            case "setStringProperty", "setLongProperty", "setIntProperty" -> {
                props.put((String) a[0], a[1]);
                yield null;
            }
            case "getObjectProperty" -> props.get((String) a[0]);
            case "getPropertyNames" -> java.util.Collections.enumeration(props.keySet());
            case "getText" -> body;
            default -> null;
        });
    }

    private ConnectionFactory engine() {
        List<Message> pendingExceptions = new ArrayList<>();
        JMSConsumer consumer = proxy(JMSConsumer.class, (p, m, a) -> switch (m.getName()) {
            case "receive", "receiveNoWait" -> {
                Message next = queue.poll();
                if (next == null && m.getName().equals("receive")) {
                    running.set(false);
                }
                if (next != null) {
                    log.add("receive " + EventConsumers.property(next, "eventId"));
                }
                yield next;
            }
            default -> null;
        });
        JMSProducer producer = proxy(JMSProducer.class, (p, m, a) -> {
            if (m.getName().equals("send")) {
                pendingExceptions.add((Message) a[1]);
                log.add("send to " + ((Queue) a[0]).getQueueName());
            }
            return p;
        });
        JMSContext context = proxy(JMSContext.class, (p, m, a) -> switch (m.getName()) {
            case "createConsumer" -> consumer;
            case "createProducer" -> producer;
            case "createQueue" -> proxy(Queue.class, (q, qm, qa) -> a[0]);
            case "createTextMessage" -> created((String) a[0]);
            case "commit" -> {
                for (Message moved : pendingExceptions) {
                    Map<String, Object> props = new HashMap<>();
                    for (String name : List.of("tenantId", "eventType", "eventId", QueueReceiver.FAILURE,
                            QueueReceiver.ORIGIN, QueueReceiver.CONSUMER, QueueReceiver.ATTEMPTS)) {
                        props.put(name, moved.getObjectProperty(name));
                    }
                    exceptions.add(props);
                }
                pendingExceptions.clear();
                log.add("commit");
                yield null;
            }
            case "rollback" -> {
                log.add("rollback");
                yield null;
            }
            case "close" -> {
                log.add("close");
                yield null;
            }
            default -> null;
        });
        return proxy(ConnectionFactory.class, (p, m, a) -> {
            assertEquals(List.of(JMSContext.SESSION_TRANSACTED), List.of(a), "a local JMS transaction");
            return context;
        });
    }

    private QueueReceiver receiver(BatchApplier.Transaction transaction, OutageBackoff.Sleeper outageSleeper) {
        EventConsumers reader = new EventConsumers();
        reader.validator = ConsumerHarness.VALIDATOR;
        BatchApplier applier = new BatchApplier(ConsumerHarness.handler(EventConsumer.LOYALTY), transaction, reader::read,
                new OutageBackoff("test", Duration.ofMillis(100), Duration.ofSeconds(1), outageSleeper, running::get),
                millis -> { }, 2);
        return new QueueReceiver(engine(), EventQueue.LOYALTY, "loyalty consumer 1", applier, 10, running::get);
    }

    private static Message sale(String eventId) {
        return TestMessages.text("alpha", "order.completed", eventId, EventConsumersTest.completed(1));
    }

    @Test
    void aBatchIsCommittedAfterItIsAppliedAndWhatIsRejectedMovesWithItsReasonInTheSameTransaction() {
        queue.add(sale("e-1"));
        queue.add(TestMessages.text("alpha", "order.completed", "e-2", "{oops"));
        queue.add(sale("e-3"));
        receiver((handler, tenant, events) -> {
            log.add("apply " + events.stream().map(EventMessage::eventId).toList());
            return events.size();
        }, millis -> { }).run();
        assertEquals(List.of("receive e-1", "receive e-2", "receive e-3", "apply [e-1, e-3]", "send to RMS.Loyalty.Exception",
                "commit", "close"), log);
        assertEquals(1, exceptions.size());
        Map<String, Object> moved = exceptions.get(0);
        assertEquals("e-2", moved.get("eventId"));
        assertEquals("alpha", moved.get("tenantId"));
        assertEquals("RMS.Loyalty", moved.get(QueueReceiver.ORIGIN));
        assertEquals("loyalty consumer 1", moved.get(QueueReceiver.CONSUMER));
        assertEquals(1, moved.get(QueueReceiver.ATTEMPTS));
        assertTrue(((String) moved.get(QueueReceiver.FAILURE)).contains("does not bind"), moved.toString());
    }

    @Test
    void whileTheDatabaseIsAwayTheBatchIsHeldNeitherCommittedNorRolledBackThenAppliedOnce() {
        queue.add(sale("e-1"));
        AtomicInteger refusals = new AtomicInteger(3);
        receiver((handler, tenant, events) -> {
            if (refusals.getAndDecrement() > 0) {
                log.add("database away");
                throw new IllegalStateException(new SQLTransientConnectionException("Connection refused", "08001"));
            }
            log.add("apply " + events.stream().map(EventMessage::eventId).toList());
            return events.size();
        }, millis -> log.add("wait " + millis)).run();
        assertEquals(List.of("receive e-1", "database away", "wait 100", "database away", "wait 200", "database away",
                "wait 400", "apply [e-1]", "commit", "close"), log);
        assertEquals(List.of(), exceptions, "an outage sends nothing to the exception destination");
    }

    @Test
    void stoppingWhileTheDatabaseIsAwayCommitsNothing() {
        queue.add(sale("e-1"));
        receiver((handler, tenant, events) -> {
            throw new IllegalStateException(new SQLTransientConnectionException("Connection refused", "08001"));
        }, millis -> running.set(false)).run();
        assertEquals(List.of("receive e-1", "close"), log, "closed uncommitted: the engine puts the message back");
    }
}
