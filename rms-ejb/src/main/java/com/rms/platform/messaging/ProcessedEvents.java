package com.rms.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The events each consumer has applied, in the tenant schema, written in the same transaction as
 * the effect: a duplicate (redelivery, or the sweep sending a row twice) finds its row and is a
 * no-op. Two copies racing both insert; the primary key fails the second, whose redelivery then
 * finds the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcessedEvents {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /** Records that {@code consumer} applies {@code event} now; false if it already did (apply nothing). */
    public boolean firstTime(String consumer, EventMessage event) {
        Number seen = (Number) em.createNativeQuery("select count(*) from processed_event where consumer = ?1 and event_id = ?2")
                .setParameter(1, consumer).setParameter(2, event.eventId()).getSingleResult();
        if (seen.longValue() > 0) {
            return false;
        }
        em.createNativeQuery("insert into processed_event (consumer, event_id, event_type, processed_at) values (?1, ?2, ?3, ?4)")
                .setParameter(1, consumer).setParameter(2, event.eventId()).setParameter(3, event.type())
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        return true;
    }

    /** Which of {@code consumers} have applied the event (looked up by the primary key). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> appliedBy(String eventId, Collection<String> consumers) {
        List<String> names = List.copyOf(consumers);
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 2);
        }
        var query = em.createNativeQuery("select consumer from processed_event where event_id = ?1 and consumer in (" + in
                + ")").setParameter(1, eventId);
        for (int i = 0; i < names.size(); i++) {
            query.setParameter(i + 2, names.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> applied = query.getResultList();
        return Set.copyOf(applied);
    }
}
