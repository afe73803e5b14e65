package com.rms.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
}
