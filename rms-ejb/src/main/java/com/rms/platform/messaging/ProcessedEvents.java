package com.rms.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events each consumer has applied, in the tenant schema, written in the same transaction as
 * the effect: a duplicate (redelivery, or the sweep sending a row twice) finds its row and is a
 * no-op. Two copies racing in two transactions both insert; the primary key fails the second,
 * which is then applied again on its own and finds the row.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProcessedEvents {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /**
     * Records that {@code consumer} applies {@code events} now (one statement to look, one to insert)
     * and returns those it has not applied before, each once, in their order: apply exactly these.
     */
    public List<EventMessage> firstTimes(EventConsumer consumer, List<EventMessage> events) {
        Map<String, EventMessage> byId = new LinkedHashMap<>();
        events.forEach(e -> byId.putIfAbsent(e.eventId(), e));
        if (byId.isEmpty()) {
            return List.of();
        }
        Set<String> seen = seen(consumer, byId.keySet());
        List<EventMessage> fresh = byId.values().stream().filter(e -> !seen.contains(e.eventId())).toList();
        if (!fresh.isEmpty()) {
            insert(consumer, fresh);
        }
        return fresh;
    }

    private Set<String> seen(EventConsumer consumer, Collection<String> eventIds) {
        List<String> ids = List.copyOf(eventIds);
        Query query = em.createNativeQuery("select event_id from processed_event where consumer = ?1 and event_id in ("
                + placeholders(2, ids.size(), 1) + ")").setParameter(1, consumer.consumerName());
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 2, ids.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> found = query.getResultList();
        return new HashSet<>(found);
    }

    private void insert(EventConsumer consumer, List<EventMessage> events) {
        StringBuilder sql = new StringBuilder("insert into processed_event (consumer, event_id, event_type, processed_at) values ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append('(').append(placeholders(1 + 4 * i, 4, 1)).append(')');
        }
        Query insert = em.createNativeQuery(sql.toString());
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        for (int i = 0; i < events.size(); i++) {
            EventMessage e = events.get(i);
            insert.setParameter(1 + 4 * i, consumer.consumerName()).setParameter(2 + 4 * i, e.eventId())
                    .setParameter(3 + 4 * i, e.type().wireName()).setParameter(4 + 4 * i, now);
        }
        insert.executeUpdate();
    }

    /** {@code ?first, ?first+step, ...} {@code count} times. */
    private static String placeholders(int first, int count, int step) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < count; i++) {
            in.append(i == 0 ? "?" : ", ?").append(first + i * step);
        }
        return in.toString();
    }

    /** Which of {@code consumers} have applied the event (looked up by the primary key). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> appliedBy(String eventId, Collection<String> consumers) {
        List<String> names = List.copyOf(consumers);
        Query query = em.createNativeQuery("select consumer from processed_event where event_id = ?1 and consumer in ("
                + placeholders(2, names.size(), 1) + ")").setParameter(1, eventId);
        for (int i = 0; i < names.size(); i++) {
            query.setParameter(i + 2, names.get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> applied = query.getResultList();
        return Set.copyOf(applied);
    }
}
