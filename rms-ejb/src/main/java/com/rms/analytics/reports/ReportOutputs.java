package com.rms.analytics.reports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The last step of a report: renders the run's rows once as CSV, JSON and PDF and stores them with
 * the run, replacing what an earlier execution of the same run stored.
 */
@Dependent
@Named("reportOutputs")
public class ReportOutputs extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    ReportComputations computations;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String process() {
        long runId = JobParameters.of(job).runId();
        ReportComputation computation = computations.require(job.getJobName());
        List<ReportRows.Stored> rows = rows(runId);
        ReportRun run = em.find(ReportRun.class, runId);
        String title = "RMS " + job.getJobName() + "  " + run.getBusinessFrom()
                + (run.getBusinessTo().equals(run.getBusinessFrom()) ? "" : " to " + run.getBusinessTo())
                + "  outlets " + run.outlets() + "  run " + runId;
        em.createNativeQuery("delete from report_output where run_id = ?1").setParameter(1, runId).executeUpdate();
        store(runId, "csv", "text/csv", ReportRows.csv(computation.columns(), rows));
        store(runId, "json", "application/json", ReportRows.json(computation.columns(), rows));
        store(runId, "pdf", "application/pdf", ReportRows.pdf(title, computation.columns(), rows));
        return "COMPLETED";
    }

    private List<ReportRows.Stored> rows(long runId) {
        @SuppressWarnings("unchecked")
        List<Object[]> stored = em.createNativeQuery("select outlet_id, section, row_key, data from report_row "
                + "where run_id = ?1 order by outlet_id, position").setParameter(1, runId).getResultList();
        return stored.stream().map(r -> new ReportRows.Stored(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                ReportProgress.parse((String) r[3]))).toList();
    }

    private void store(long runId, String format, String mediaType, byte[] content) {
        em.createNativeQuery("insert into report_output (run_id, format, media_type, content, created_at) "
                + "values (?1, ?2, ?3, ?4, ?5)").setParameter(1, runId).setParameter(2, format).setParameter(3, mediaType)
                .setParameter(4, content).setParameter(5, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }
}
