package com.rms.platform.audit;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.Redactor;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * The current tenant's append-only, hash-chained audit trail: logins, tenant, staff and role
 * changes (and later voids, refunds, discounts). Appends join the caller's transaction, so an
 * audited change and its audit line commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    private static final RmsLog LOG = RmsLog.of(AuditTrail.class);
    private static final int VERIFY_BATCH = 500;
    /** The previous hash of the first line, as seeded into audit_head by the migration. */
    static final String GENESIS = "0".repeat(64);

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    /** The outcome of checking a chain: how many lines were read and the first one that is broken. */
    public record Verification(boolean valid, long entries, Long firstBrokenSeq, String reason) {}

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEntry record(String action, String target, String detail) {
        return record(action, target, detail, null);
    }

    @Transactional(Transactional.TxType.REQUIRED)
    public AuditEntry record(String action, String target, String detail, String approvedBy) {
        TenantContext.require();
        AuditHead head = em.find(AuditHead.class, 1, LockModeType.PESSIMISTIC_WRITE);
        AuditEntry entry = new AuditEntry(head.lastSeq() + 1, Instant.now(), CallerContext.current().username(),
                action, target, detail == null ? null : Redactor.redact(detail), approvedBy, head.lastHash());
        em.persist(entry);
        head.advance(entry);
        LOG.info(LogContext.AUDIT, action + " " + (target == null ? "" : target));
        return entry;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> list(PageRequest paging) {
        TenantContext.require();
        List<AuditEntry> items = em.createQuery("select a from AuditEntry a order by a.seq desc", AuditEntry.class)
                .setFirstResult(paging.offset()).setMaxResults(paging.size()).getResultList();
        long total = em.createQuery("select count(a) from AuditEntry a", Long.class).getSingleResult();
        return new Page<>(items, paging.page(), paging.size(), total);
    }

    /** Recomputes every hash in order and checks each line points at its predecessor and the tip at the last. */
    @Transactional(Transactional.TxType.REQUIRED)
    public Verification verify() {
        TenantContext.require();
        String expectedPrev = GENESIS;
        long count = 0;
        long expectedSeq = 1;
        long after = 0;
        while (true) {
            List<AuditEntry> batch = em.createQuery(
                    "select a from AuditEntry a where a.seq > :after order by a.seq", AuditEntry.class)
                    .setParameter("after", after).setMaxResults(VERIFY_BATCH).getResultList();
            for (AuditEntry entry : batch) {
                if (entry.getSeq() != expectedSeq) {
                    return new Verification(false, count, expectedSeq, "line " + expectedSeq + " is missing");
                }
                if (!entry.getPrevHash().equals(expectedPrev)) {
                    return new Verification(false, count, entry.getSeq(), "does not point at the previous line");
                }
                if (!entry.computeHash().equals(entry.getHash())) {
                    return new Verification(false, count, entry.getSeq(), "content does not match its hash");
                }
                expectedPrev = entry.getHash();
                expectedSeq++;
                count++;
                after = entry.getSeq();
            }
            em.clear();
            if (batch.size() < VERIFY_BATCH) {
                break;
            }
        }
        AuditHead head = em.find(AuditHead.class, 1);
        if (head.lastSeq() != count || !head.lastHash().equals(expectedPrev)) {
            return new Verification(false, count, count + 1, "lines after " + count + " were removed");
        }
        return new Verification(true, count, null, null);
    }
}
