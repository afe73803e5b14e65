package com.rms.analytics.reports;

import com.rms.platform.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** The runs of the current tenant in its schema; every change commits on its own, before or after the batch runtime acts. */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ReportRunStore {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    public ReportRun create(ReportRun run) {
        em.persist(run);
        return run;
    }

    public ReportRun require(long id) {
        ReportRun run = em.find(ReportRun.class, id);
        if (run == null) {
            throw new NotFoundException("no report run " + id);
        }
        return run;
    }

    public void launched(long id, long instance, long execution) {
        require(id).launched(instance, execution);
    }

    public void notLaunched(long id, String reason) {
        require(id).notLaunched(reason);
    }

    public void restarted(long id, long execution) {
        require(id).restarted(execution);
        em.createNativeQuery("update report_partition set status = 'STARTING', failure = null where run_id = ?1 "
                + "and status <> 'COMPLETED'").setParameter(1, id).executeUpdate();
    }

    /** The repository says the execution ended while the run still looks alive (the server died under it). */
    public void reconciled(long id, String status) {
        em.createNativeQuery("update report_run set status = ?2, failure = coalesce(failure, ?3), "
                + "ended_at = coalesce(ended_at, ?4), updated_at = ?4 where id = ?1 and status in ('STARTING', "
                + "'STARTED', 'STOPPING')").setParameter(1, id).setParameter(2, status)
                .setParameter(3, "the execution ended " + status + " without finishing (the server stopped under it); "
                        + "restart it to run the outlets that had not finished")
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    /** The most recent runs first, of one job and status when given. */
    public List<ReportRun> recent(String job, String status, int limit) {
        String where = (job == null ? "" : " and r.job = :job") + (status == null ? "" : " and r.status = :status");
        var query = em.createQuery("select r from ReportRun r where 1 = 1" + where + " order by r.id desc",
                ReportRun.class);
        if (job != null) {
            query.setParameter("job", job);
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.setMaxResults(limit).getResultList();
    }

    public List<ReportRunView.Partition> partitions(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select outlet_id, status, items_read, items_written, failure "
                + "from report_partition where run_id = ?1 order by outlet_id").setParameter(1, runId).getResultList();
        return rows.stream().map(r -> new ReportRunView.Partition(((Number) r[0]).longValue(), (String) r[1],
                ((Number) r[2]).longValue(), ((Number) r[3]).longValue(), (String) r[4])).toList();
    }

    public List<String> outputs(long runId) {
        @SuppressWarnings("unchecked")
        List<String> formats = em.createNativeQuery("select format from report_output where run_id = ?1 order by format")
                .setParameter(1, runId).getResultList();
        return formats;
    }

    /** A stored output: its media type and bytes. */
    public record Output(String mediaType, byte[] content) {
    }

    public Optional<Output> output(long runId, String format) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select media_type, content from report_output where run_id = ?1 "
                + "and format = ?2").setParameter(1, runId).setParameter(2, format).getResultList();
        return rows.stream().findFirst().map(r -> new Output((String) r[0], (byte[]) r[1]));
    }

    /**
     * A refund or re-opening changed the sales of an outlet's business day: every completed
     * daily-sales run that covered it no longer says what happened, until it is run again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int markStale(long outletId, java.time.LocalDate day) {
        return em.createNativeQuery("update report_run set stale = true where job = 'daily-sales' and status = "
                + "'COMPLETED' and stale = false and business_from <= ?1 and business_to >= ?1 and outlet_ids like ?2")
                .setParameter(1, day).setParameter(2, "%," + outletId + ",%").executeUpdate();
    }
}
