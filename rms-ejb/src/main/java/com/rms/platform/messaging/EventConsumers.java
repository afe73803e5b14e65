package com.rms.platform.messaging;

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
import jakarta.validation.Validator;
import java.util.List;

/**
 * What every side-effect consumer does around its handler: reads a message into a typed, checked
 * {@link EventMessage}, and applies a batch of one tenant's events as that tenant with a system
 * caller in one transaction ({@link EventTransactions}). A failure is thrown to the receiver,
 * which waits through database outages and isolates the event that cannot be applied.
 */
@ApplicationScoped
public class EventConsumers implements BatchApplier.Transaction {

    @Inject
    TenantRegistry tenants;

    @Inject
    EventTransactions transactions;

    @Inject
    Validator validator;

    /** The message as an event, or a {@link MalformedEventException} saying what is wrong with it. */
    public EventMessage read(Message message) {
        return EventMessage.read(property(message, "tenantId"), property(message, "eventType"),
                property(message, "eventId"), body(message), validator);
    }

    @Override
    public int apply(EventHandler handler, String tenant, List<EventMessage> events) {
        TenantRegistry.Entry entry = tenants.find(tenant)
                .orElseThrow(() -> new MalformedEventException("unknown tenant " + tenant));
        if (entry.status() != TenantStatus.ACTIVE && entry.status() != TenantStatus.SUSPENDED) {
            // a sale of a suspended chain still happened; a schema being provisioned or repaired is not ready
            throw new IllegalStateException("tenant " + tenant + " is " + entry.status());
        }
        // a consumer thread serves no request: the caller and the log's request id are the events'
        CallerContext.set(Caller.system("system:" + handler.consumer().consumerName(), tenant));
        CallerContext.setRequestId("events-" + events.get(0).eventId());
        try {
            return TenantContext.callAs(entry.context(), () -> transactions.apply(handler, events));
        } finally {
            CallerContext.clear();
        }
    }

    private static String body(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new MalformedEventException("not a text message: " + message.getClass().getSimpleName());
        }
        try {
            return text.getText();
        } catch (JMSException e) {
            throw new MalformedEventException("cannot read the message body", e);
        }
    }

    static String property(Message message, String name) {
        try {
            return message.getStringProperty(name);
        } catch (JMSException | RuntimeException e) {
            return null;
        }
    }
}
