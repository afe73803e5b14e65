package com.rms.analytics.reports;

import com.rms.platform.events.Events;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * What the job's listeners and writer record of a run while it runs, in the tenant's schema: the
 * run's status, each outlet partition's status and counts, and each section's rows. Status changes
 * commit on their own (REQUIRES_NEW) so that a failing partition still leaves its reason; a section's
 * rows are written in the chunk's transaction, with its checkpoint.
 */
@ApplicationScoped
public class ReportProgress {

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    Events events;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runStarted(long runId, long executionId) {
        em.createNativeQuery("update report_run set status = 'STARTED', execution_id = ?2, "
                + "started_at = coalesce(started_at, ?3), updated_at = ?3 where id = ?1")
                .setParameter(1, runId).setParameter(2, executionId).setParameter(3, now()).executeUpdate();
    }

    /** The run ended (COMPLETED, FAILED or STOPPED); its sockets hear {@code report.finished} after the commit. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void runEnded(long runId, String status, String failure) {
        // a completed run reports the data as it is now: whatever made an earlier result stale is in it
        em.createNativeQuery("update report_run set status = ?2, failure = ?3, ended_at = ?4, updated_at = ?4"
                + ("COMPLETED".equals(status) ? ", stale = false" : "") + " where id = ?1")
                .setParameter(1, runId).setParameter(2, status).setParameter(3, clip(failure)).setParameter(4, now())
                .executeUpdate();
        ReportRun run = em.find(ReportRun.class, runId);
        List<Long> outlets = run.outlets();
        JsonObject data = Json.createObjectBuilder().add("id", runId).add("job", run.getJob()).add("status", status)
                .build();
        events.publish(outlets.size() == 1 ? outlets.get(0) : null, "report.finished", data);
    }

    /** The partitions of a run, one per outlet; a restart finds them there and keeps the completed ones. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void planned(long runId, List<Long> outlets) {
        for (long outlet : outlets) {
            em.createNativeQuery("insert into report_partition (run_id, outlet_id, status, items_read, items_written, "
                    + "updated_at) select ?1, ?2, 'STARTING', 0, 0, ?3 from report_run where id = ?1 and not exists "
                    + "(select 1 from report_partition where run_id = ?1 and outlet_id = ?2)")
                    .setParameter(1, runId).setParameter(2, outlet).setParameter(3, now()).executeUpdate();
        }
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partitionStarted(long runId, long outletId, long executionId) {
        partition(runId, outletId, "STARTED", executionId, null);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void partitionEnded(long runId, long outletId, String status, long executionId, String failure) {
        partition(runId, outletId, status, executionId, failure);
    }

    private void partition(long runId, long outletId, String status, long executionId, String failure) {
        em.createNativeQuery("update report_partition set status = ?3, execution_id = ?4, failure = ?5, updated_at = ?6 "
                + "where run_id = ?1 and outlet_id = ?2").setParameter(1, runId).setParameter(2, outletId)
                .setParameter(3, status).setParameter(4, executionId).setParameter(5, clip(failure))
                .setParameter(6, now()).executeUpdate();
    }

    /**
     * Replaces a section's rows of one outlet, in the chunk's transaction: the checkpoint that says
     * the section is done commits with its rows, and a section written twice leaves one copy.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void sectionWritten(long runId, long outletId, String section, List<ReportComputation.Row> rows,
            long itemsRead, int firstPosition) {
        em.createNativeQuery("delete from report_row where run_id = ?1 and outlet_id = ?2 and section = ?3")
                .setParameter(1, runId).setParameter(2, outletId).setParameter(3, section).executeUpdate();
        int position = firstPosition;
        for (ReportComputation.Row row : rows) {
            em.createNativeQuery("insert into report_row (run_id, outlet_id, section, row_key, position, data) "
                    + "values (?1, ?2, ?3, ?4, ?5, ?6)").setParameter(1, runId).setParameter(2, outletId)
                    .setParameter(3, section).setParameter(4, row.key()).setParameter(5, position++)
                    .setParameter(6, ReportRows.toJson(row.values()).toString()).executeUpdate();
        }
        em.createNativeQuery("update report_partition set items_read = items_read + ?3, items_written = "
                + "(select count(*) from report_row where run_id = ?1 and outlet_id = ?2), updated_at = ?4 "
                + "where run_id = ?1 and outlet_id = ?2").setParameter(1, runId).setParameter(2, outletId)
                .setParameter(3, itemsRead).setParameter(4, now()).executeUpdate();
    }

    /**
     * Why a run failed: the reason a step gave as its exit status, else the first failed
     * partition's, else a pointer to the log (never an empty reason).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String failureOf(long runId, String exitStatus) {
        if (exitStatus != null && !exitStatus.isBlank() && !exitStatus.equals("FAILED") && !exitStatus.equals("STARTED")) {
            return exitStatus;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> failed = em.createNativeQuery("select outlet_id, failure from report_partition where run_id = ?1 "
                + "and failure is not null order by updated_at").setParameter(1, runId).setMaxResults(1).getResultList();
        return failed.isEmpty() ? "the run failed outside its outlet partitions; the server log has the cause"
                : "outlet " + failed.get(0)[0] + ": " + failed.get(0)[1];
    }

    static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        }
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 497) + "...";
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
