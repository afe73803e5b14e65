package com.rms.platform.messaging;

/**
 * The side-effect consumers: the name each records in {@code processed_event} (so it must never
 * change) and the queue it receives from.
 */
public enum EventConsumer {
    INVENTORY("inventory", EventQueue.INVENTORY),
    ANALYTICS("analytics", EventQueue.ANALYTICS),
    LOYALTY("loyalty", EventQueue.LOYALTY);

    private final String consumerName;
    private final EventQueue queue;

    EventConsumer(String consumerName, EventQueue queue) {
        this.consumerName = consumerName;
        this.queue = queue;
    }

    /** The name in {@code processed_event.consumer}, e.g. {@code inventory}. */
    public String consumerName() {
        return consumerName;
    }

    public EventQueue queue() {
        return queue;
    }
}
