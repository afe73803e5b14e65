package com.rms.platform.messaging;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import com.rms.tenancy.domain.TenantStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What every side-effect consumer does around its handler: reads the message, checks its tenant,
 * runs the handler as that tenant with a system caller (in the message-driven bean's transaction),
 * and on any failure logs the message's context and rethrows, so the transaction rolls back, the
 * message is redelivered, and after the queue's redelivery limit it moves to the exception
 * destination instead of blocking the queue.
 */
@ApplicationScoped
public class EventConsumers {

    private static final RmsLog LOG = RmsLog.of(EventConsumers.class);

    @Inject
    TenantRegistry tenants;

    public void consume(String consumer, Message message, Consumer<EventMessage> handler) {
        String tenant = property(message, "tenantId");
        String type = property(message, "eventType");
        String eventId = property(message, "eventId");
        int delivery = deliveryCount(message);
        try {
            EventMessage event = EventMessage.of(tenant, type, eventId, body(message));
            TenantRegistry.Entry entry = tenants.find(event.tenant())
                    .orElseThrow(() -> new MalformedEventException("unknown tenant " + event.tenant()));
            if (entry.status() != TenantStatus.ACTIVE && entry.status() != TenantStatus.SUSPENDED) {
                // a sale of a suspended chain still happened; a schema being provisioned or repaired is not ready
                throw new IllegalStateException("tenant " + event.tenant() + " is " + entry.status());
            }
            // a consumer thread serves no request: the caller and the log's request id are the event's
            CallerContext.set(Caller.system("system:" + consumer, event.tenant()));
            CallerContext.setRequestId("event-" + event.eventId());
            try {
                TenantContext.runAs(entry.context(), () -> handler.accept(event));
            } finally {
                CallerContext.clear();
            }
        } catch (RuntimeException e) {
            String context = consumer + " could not apply " + type + " " + eventId + " of tenant " + tenant
                    + " (delivery " + delivery + "): ";
            if (tenant != null && tenant.matches("[a-z][a-z0-9_]{1,29}")) {
                TenantContext.runAs(TenantContext.Tenant.of(tenant), () -> LOG.error(LogContext.BUSINESS, context + e, null));
            } else {
                LOG.error(LogContext.BUSINESS, context + e, null);
            }
            throw e;
        }
    }

    private static String body(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedEventException("not a text message: " + message.getClass().getSimpleName());
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new IllegalStateException("cannot read the message body", e);
        }
    }

    private static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }

    private static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | RuntimeException e) {
            return 0;
        }
    }
}
