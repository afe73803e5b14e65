package com.rms.platform.messaging;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.TextMessage;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The side-effect queues' exception destinations for operators: what lies there (optionally of one
 * tenant, the {@code tenantId} property every event carries, and of one queue), and re-driving a
 * message back to the queue it failed on once its cause is fixed. A re-driven event is applied once
 * however often it was sent, because the consumers record the event ids they applied. Each move is
 * one local JMS transaction: the message leaves the exception destination if and only if its copy
 * is on its queue.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.NOT_SUPPORTED)
public class ExceptionDestinations {

    private static final RmsLog LOG = RmsLog.of(ExceptionDestinations.class);
    /** Listing stops here per destination (a page beyond it is not shown). */
    private static final int MAX_LISTED = 10_000;
    /** The message ids the messaging engine hands out ({@code ID:} and hex digits); anything else is no message of ours. */
    private static final Pattern ID = Pattern.compile("[0-9A-Za-z]{1,100}");
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]{1,29}");

    @Resource(lookup = "jms/rmsConnectionFactory")
    ConnectionFactory connections;

    /**
     * The messages in the exception destinations, oldest failure first.
     *
     * @param tenant only this tenant's, or all with null
     * @param queue only those that failed on this queue (a side-effect queue name), or all with null
     */
    public Page<ExceptionMessage> list(String tenant, String queue, PageRequest paging) {
        List<EventQueue> queues = queues(queue);
        List<ExceptionMessage> all = new ArrayList<>();
        try (JMSContext context = connections.createContext()) {
            for (EventQueue q : queues) {
                try (QueueBrowser browser = context.createBrowser(context.createQueue(q.exceptionQueueName()),
                        selector(tenant, null))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    for (int n = 0; messages.hasMoreElements() && n < MAX_LISTED; n++) {
                        all.add(view(q, (Message) messages.nextElement()));
                    }
                }
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot browse the exception destinations", e);
        }
        all.sort(Comparator.comparing(ExceptionMessage::failedAt, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ExceptionMessage> page = all.stream().skip(paging.offset()).limit(paging.size()).toList();
        return new Page<>(page, paging.page(), paging.size(), all.size());
    }

    /** One message of an exception destination (of {@code tenant} when not null), or 404. */
    public ExceptionMessage get(String id, String tenant) {
        return find(id, tenant).orElseThrow(() -> notFound(id));
    }

    /**
     * Moves the message back to the queue it failed on, where its consumer applies it (once: an event
     * already applied is recognised by its id).
     *
     * @return the message as it was in the exception destination
     * @throws NotFoundException if there is no such message (of {@code tenant} when not null)
     */
    public ExceptionMessage redrive(String id, String tenant) {
        ExceptionMessage found = get(id, tenant);
        try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED)) {
            EventQueue queue = EventQueue.of(found.queue());
            JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
            try (JMSConsumer taker = context.createConsumer(context.createQueue(queue.exceptionQueueName()),
                    selector(tenant, id))) {
                Message message = taker.receive(2_000);
                if (message == null) {
                    // re-driven or removed by someone else between the look and the take
                    throw notFound(id);
                }
                producer.send(context.createQueue(queue.queueName()), resent(context, message));
                context.commit();
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot re-drive message " + id, e);
        }
        LOG.info(LogContext.BUSINESS, "re-drove " + found.eventType() + " " + found.eventId() + " of tenant "
                + found.tenant() + " from " + found.exceptionQueue() + " to " + found.queue());
        return found;
    }

    /**
     * Re-drives every message of the exception destinations (of {@code tenant} and {@code queue}
     * when not null), as {@link #redrive} does one.
     *
     * @return how many were moved back
     */
    public int redriveAll(String tenant, String queue) {
        int moved = 0;
        for (EventQueue q : queues(queue)) {
            try (JMSContext context = connections.createContext(JMSContext.SESSION_TRANSACTED);
                    JMSConsumer taker = context.createConsumer(context.createQueue(q.exceptionQueueName()),
                            selector(tenant, null))) {
                JMSProducer producer = context.createProducer().setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Message message; (message = taker.receive(200)) != null; ) {
                    producer.send(context.createQueue(q.queueName()), resent(context, message));
                    context.commit();
                    moved++;
                }
            } catch (JMSException | JMSRuntimeException e) {
                throw new IllegalStateException("cannot re-drive " + q.exceptionQueueName(), e);
            }
        }
        if (moved > 0) {
            LOG.info(LogContext.BUSINESS, "re-drove " + moved + " message(s) from the exception destinations"
                    + (tenant == null ? "" : " of tenant " + tenant) + (queue == null ? "" : " of " + queue));
        }
        return moved;
    }

    private Optional<ExceptionMessage> find(String id, String tenant) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        try (JMSContext context = connections.createContext()) {
            for (EventQueue q : EventQueue.values()) {
                try (QueueBrowser browser = context.createBrowser(context.createQueue(q.exceptionQueueName()),
                        selector(tenant, id))) {
                    Enumeration<?> messages = browser.getEnumeration();
                    if (messages.hasMoreElements()) {
                        return Optional.of(view(q, (Message) messages.nextElement()));
                    }
                }
            }
        } catch (JMSException | JMSRuntimeException e) {
            throw new IllegalStateException("cannot browse the exception destinations", e);
        }
        return Optional.empty();
    }

    /** The copy sent back to the queue: the event's body and properties, none of the failure's. */
    private static Message resent(JMSContext context, Message message) throws JMSException {
        Message copy = context.createTextMessage(message instanceof TextMessage text ? text.getText() : null);
        for (String name : QueueReceiver.EVENT_PROPERTIES) {
            String value = EventConsumers.property(message, name);
            if (value != null) {
                copy.setStringProperty(name, value);
            }
        }
        return copy;
    }

    private static ExceptionMessage view(EventQueue queue, Message m) throws JMSException {
        String reason = EventConsumers.property(m, QueueReceiver.FAILURE);
        if (reason == null && m.propertyExists("JMS_IBM_ExceptionReason")) {
            // moved by the messaging engine after its redelivery limit (a consumer that died on it)
            String detail = EventConsumers.property(m, "JMS_IBM_ExceptionMessage");
            reason = "messaging engine: " + (detail == null ? "reason " + m.getObjectProperty("JMS_IBM_ExceptionReason")
                    : detail);
        }
        Long failedAt = m.propertyExists(QueueReceiver.FAILED_AT) ? Long.valueOf(m.getLongProperty(QueueReceiver.FAILED_AT))
                : m.propertyExists("JMS_IBM_ExceptionTimestamp") ? Long.valueOf(m.getLongProperty("JMS_IBM_ExceptionTimestamp"))
                : m.getJMSTimestamp() > 0 ? Long.valueOf(m.getJMSTimestamp()) : null;
        Integer attempts = m.propertyExists(QueueReceiver.ATTEMPTS) ? Integer.valueOf(m.getIntProperty(QueueReceiver.ATTEMPTS))
                : null;
        String id = m.getJMSMessageID();
        return new ExceptionMessage(id != null && id.startsWith("ID:") ? id.substring(3) : id, queue.queueName(),
                queue.exceptionQueueName(), EventConsumers.property(m, "tenantId"), EventConsumers.property(m, "eventType"),
                EventConsumers.property(m, "eventId"), EventConsumers.property(m, QueueReceiver.CONSUMER), reason, attempts,
                failedAt == null ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(failedAt), ZoneOffset.UTC));
    }

    /** The side-effect queues to look at: all, or the one named (400 for a name that is not one). */
    private static List<EventQueue> queues(String queue) {
        if (queue == null || queue.isBlank()) {
            return List.of(EventQueue.values());
        }
        for (EventQueue q : EventQueue.values()) {
            if (q.queueName().equals(queue)) {
                return List.of(q);
            }
        }
        throw new ValidationException("unknown queue", List.of(new FieldError("queue", "must be one of "
                + Arrays.stream(EventQueue.values()).map(EventQueue::queueName).collect(Collectors.joining(", ")))));
    }

    /**
     * The selector of a tenant's and/or one message; both values are checked against strict
     * patterns first, so nothing a caller sends is ever read as selector syntax.
     */
    private static String selector(String tenant, String id) {
        List<String> terms = new ArrayList<>();
        if (tenant != null) {
            if (!SLUG.matcher(tenant).matches()) {
                throw new IllegalArgumentException("not a tenant slug");
            }
            terms.add("tenantId = '" + tenant + "'");
        }
        if (id != null) {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("not a message id");
            }
            terms.add("JMSMessageID = 'ID:" + id + "'");
        }
        return terms.isEmpty() ? null : String.join(" AND ", terms);
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("no message " + (id != null && ID.matcher(id).matches() ? id : "with that id")
                + " in the exception destinations");
    }
}
