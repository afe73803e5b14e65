package com.rms.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * One database transaction for a batch of one tenant's events: the batch's new event ids are
 * recorded and every new event applied, or (on any failure) none of them.
 */
@ApplicationScoped
public class EventTransactions {

    @Inject
    ProcessedEvents processed;

    /**
     * Applies the events {@code handler} has not applied before, each once, in a transaction of its
     * own (the caller's tenant and caller are set).
     *
     * @return how many were applied (the rest were duplicates)
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int apply(EventHandler handler, List<EventMessage> events) {
        List<EventMessage> fresh = processed.firstTimes(handler.consumer(), events);
        if (!fresh.isEmpty()) {
            handler.applyAll(fresh.stream().map(EventMessage::event).toList());
        }
        return fresh.size();
    }
}
