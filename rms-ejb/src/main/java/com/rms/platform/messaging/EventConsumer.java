package com.rms.platform.messaging;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The side-effect consumers: the name each records in {@code processed_event} (so it must never
 * change) and the queue it receives from. A producer that must wait until every consumer applied an
 * event (a re-opening waits for the sale it reverses) asks for {@link #names()} instead of importing
 * the consumers.
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

    /** The names of every consumer of the sale events. */
    public static Set<String> names() {
        return Stream.of(values()).map(EventConsumer::consumerName).collect(Collectors.toUnmodifiableSet());
    }
}
