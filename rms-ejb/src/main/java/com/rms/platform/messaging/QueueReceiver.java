package com.rms.platform.messaging;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One receiving thread of a side-effect queue. It takes up to {@code batchSize} messages in a local
 * JMS transaction (no JTA, so no two-phase commit with the database), hands them to a
 * {@link BatchApplier} (one database transaction per tenant), moves what it rejects to the queue's
 * exception destination with the reason, and only then commits: the messages are acknowledged
 * after their effects are committed. A crash in between redelivers them, and the consumers'
 * dedup makes that harmless. While the database is away the applier waits, the messages stay
 * received and uncommitted, and their redelivery count does not move.
 */
final class QueueReceiver implements Runnable {

    private static final RmsLog LOG = RmsLog.of(QueueReceiver.class);

    /** The properties a moved message carries besides its own: why it was moved, from where, and when. */
    static final String FAILURE = "rmsFailure";
    static final String FAILED_AT = "rmsFailedAt";
    static final String ORIGIN = "rmsQueue";
    static final String CONSUMER = "rmsConsumer";
    static final String ATTEMPTS = "rmsAttempts";
    /** The event properties every message carries. */
    static final String[] EVENT_PROPERTIES = {"tenantId", "eventType", "eventId"};

    private final ConnectionFactory connections;
    private final EventQueue queue;
    private final String consumer;
    private final BatchApplier applier;
    private final int batchSize;
    private final BooleanSupplier running;

    QueueReceiver(ConnectionFactory connections, EventQueue queue, String consumer, BatchApplier applier,
            int batchSize, BooleanSupplier running) {
        this.connections = connections;
        this.queue = queue;
        this.consumer = consumer;
        this.applier = applier;
        this.batchSize = Math.max(1, batchSize);
        this.running = running;
    }

    @Override
    public void run() {
        int failures = 0;
        while (running.getAsBoolean()) {
            // a local transaction: created here, on a thread without a JTA transaction
            try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
                    JMSConsumer in = context.createConsumer(context.createQueue(queue.queueName()))) {
                JMSProducer out = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                Queue exceptions = context.createQueue(queue.exceptionQueueName());
                if (failures > 0) {
                    LOG.info(LogContext.PERFORMANCE, consumer + " receives from " + queue.queueName() + " again");
                }
                failures = 0;
                while (running.getAsBoolean()) {
                    List<Message> batch = receive(in);
                    if (batch.isEmpty()) {
                        continue;
                    }
                    BatchApplier.Outcome outcome = applier.apply(batch);
                    for (BatchApplier.Rejected rejected : outcome.rejected()) {
                        out.send(exceptions, moved(context, rejected));
                    }
                    context.commit();
                }
            } catch (OutageBackoff.Stopped stopped) {
                // the application stops: what was received and not committed goes back to the queue
                return;
            } catch (JMSRuntimeException e) {
                failures++;
                if (failures == 1 && running.getAsBoolean()) {
                    LOG.warn(LogContext.PERFORMANCE, consumer + " cannot receive from " + queue.queueName()
                            + " now, retrying: " + e);
                }
                pause(Math.min(5_000L, 200L << Math.min(failures, 5)));
            } catch (RuntimeException e) {
                // a defect, not a message's fault: the batch goes back to the queue, the thread lives on
                failures++;
                LOG.error(LogContext.BUSINESS, consumer + " failed on a batch of " + queue.queueName()
                        + ", it is received again", e);
                pause(Math.min(5_000L, 200L << Math.min(failures, 5)));
            }
        }
    }

    /** Waits up to a second for the first message, then takes what is there now, up to the batch size. */
    private List<Message> receive(JMSConsumer in) {
        Message first = in.receive(1_000);
        if (first == null) {
            return List.of();
        }
        List<Message> batch = new ArrayList<>();
        batch.add(first);
        for (Message next; batch.size() < batchSize && (next = in.receiveNoWait()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    /** A copy of the rejected message for the exception destination, with why, from where and when. */
    private Message moved(JMSContext context, BatchApplier.Rejected rejected) {
        Message original = rejected.message();
        try {
            // every event is a text message; anything else was never one, and keeps only its properties
            Message copy = original instanceof TextMessage text ? context.createTextMessage(text.getText())
                    : context.createTextMessage(null);
            for (String name : EVENT_PROPERTIES) {
                String value = EventConsumers.property(original, name);
                if (value != null) {
                    copy.setStringProperty(name, value);
                }
            }
            copy.setStringProperty(FAILURE, rejected.reason());
            copy.setLongProperty(FAILED_AT, System.currentTimeMillis());
            copy.setStringProperty(ORIGIN, queue.queueName());
            copy.setStringProperty(CONSUMER, consumer);
            copy.setIntProperty(ATTEMPTS, rejected.attempts());
            return copy;
        } catch (JMSException e) {
            throw new JMSRuntimeException("cannot copy a rejected message: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
