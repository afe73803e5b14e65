package com.rms.platform.outbox;

import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * Publishes the current tenant's outbox rows: sends them ({@link OutboxSender}, a local JMS
 * transaction outside the database's) and then marks them published in one statement. A failure
 * between the two leaves the rows unpublished and they are sent again, which is harmless because
 * consumers are idempotent by event id: at-least-once delivery, exactly-once effect.
 */
@ApplicationScoped
public class OutboxPublisher {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    OutboxSender sender;

    /**
     * Publishes, oldest first, up to {@code limit} rows of the current tenant still unpublished
     * {@code grace} after they were written: what a crash, a full executor or an outage left behind.
     * The rows are locked while they are sent and marked, and rows another server has locked are
     * skipped, so two sweeps never send the same rows at the same time.
     *
     * @return how many were sent
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int sweep(Duration grace, int limit) {
        OffsetDateTime before = OffsetDateTime.now(ZoneOffset.UTC).minus(grace);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, event_id, event_type, queues, payload, created_at "
                + "from outbox where published_at is null and created_at < ?1 order by id limit ?2 "
                + "for update skip locked").setParameter(1, before).setParameter(2, limit).getResultList();
        List<OutboxMessage> due = rows.stream().map(r -> new OutboxMessage(((Number) r[0]).longValue(), (String) r[1],
                (String) r[2], OutboxMessage.queues((String) r[3]), (String) r[4], null)).toList();
        if (due.isEmpty()) {
            return 0;
        }
        // the sender suspends this transaction: the sends are not part of it, the row locks are held
        sender.send(TenantContext.require().slug(), due);
        markPublished(due.stream().map(OutboxMessage::id).toList());
        return due.size();
    }

    /** Marks rows of the current tenant published, in one statement (the relay calls it after sending). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int markPublished(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return 0;
        }
        return em.createQuery("update OutboxEntry m set m.publishedAt = :now, m.attempts = m.attempts + 1 "
                + "where m.id in :ids and m.publishedAt is null")
                .setParameter("now", OffsetDateTime.now(ZoneOffset.UTC)).setParameter("ids", ids).executeUpdate();
    }

    /** How many rows of the current tenant wait to be sent. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long pending() {
        return em.createQuery("select count(m) from OutboxEntry m where m.publishedAt is null", Long.class)
                .getSingleResult();
    }
}
