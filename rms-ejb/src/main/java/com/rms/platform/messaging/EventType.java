package com.rms.platform.messaging;

import java.util.List;

/**
 * Every event the outbox carries to the side-effect queues: its wire name (the {@code eventType}
 * message property), the record its JSON body is, and the queues it goes to. An event type nobody
 * produces has no place here.
 */
public enum EventType {
    /** An order was paid in full (or closed at a zero balance): deduct its stock, record the sale, earn points. */
    ORDER_COMPLETED("order.completed", OrderCompleted.class, EventQueue.INVENTORY, EventQueue.ANALYTICS,
            EventQueue.LOYALTY),
    /** A manager re-opened a completed order: that completion's stock, sale and points are reversed. */
    ORDER_REOPENED("order.reopened", OrderReopened.class, EventQueue.INVENTORY, EventQueue.ANALYTICS,
            EventQueue.LOYALTY),
    /** Money was given back on a completed order: negative sales facts, points taken back in proportion. */
    ORDER_REFUNDED("order.refunded", OrderRefunded.class, EventQueue.ANALYTICS, EventQueue.LOYALTY);

    private final String wireName;
    private final Class<? extends SaleEvent> payload;
    private final List<EventQueue> queues;

    EventType(String wireName, Class<? extends SaleEvent> payload, EventQueue... queues) {
        this.wireName = wireName;
        this.payload = payload;
        this.queues = List.of(queues);
    }

    /** The name on the wire and in the outbox, e.g. {@code order.completed}. */
    public String wireName() {
        return wireName;
    }

    /** The record the event's JSON body binds to. */
    public Class<? extends SaleEvent> payload() {
        return payload;
    }

    /** The queues the event is published to. */
    public List<EventQueue> queues() {
        return queues;
    }

    /** The event type of a wire name, or a {@link MalformedEventException} naming it. */
    public static EventType of(String wireName) {
        for (EventType t : values()) {
            if (t.wireName.equals(wireName)) {
                return t;
            }
        }
        throw new MalformedEventException("unknown event type " + wireName);
    }

    /** The event type of a payload record. */
    public static EventType of(SaleEvent event) {
        for (EventType t : values()) {
            if (t.payload.isInstance(event)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getName());
    }
}
