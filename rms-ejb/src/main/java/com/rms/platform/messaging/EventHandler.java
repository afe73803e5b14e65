package com.rms.platform.messaging;

import java.util.List;

/**
 * A side-effect consumer as the receivers see it: which consumer it is (its queue and its name in
 * {@code processed_event}) and how it applies one event. {@link #apply} runs in the caller's
 * transaction, as the event's tenant with a system caller, and only for an event this consumer has
 * not applied before; it throws to refuse the event (a {@link MalformedEventException} for one that
 * can never be applied).
 */
public interface EventHandler {

    EventConsumer consumer();

    void apply(SaleEvent event);

    /**
     * Applies several events of one tenant, in order, in the caller's transaction: each as
     * {@link #apply} would. A consumer that can do a batch cheaper than one by one overrides it.
     */
    default void applyAll(List<SaleEvent> events) {
        events.forEach(this::apply);
    }
}
