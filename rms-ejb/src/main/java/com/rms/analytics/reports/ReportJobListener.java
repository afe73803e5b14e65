package com.rms.analytics.reports;

import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.tenant.TenantContext;
import jakarta.batch.api.listener.JobListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Puts the job's thread into the run's tenant for the whole execution (the mapper and the outputs
 * step run on it) and records the run's start and end; the end sends {@code report.finished}.
 */
@Dependent
@Named("reportJobListener")
public class ReportJobListener implements JobListener {

    private static final RmsLog LOG = RmsLog.of(ReportJobListener.class);

    @Inject
    JobContext job;

    @Inject
    ReportProgress progress;

    @Override
    public void beforeJob() {
        JobParameters parameters = JobParameters.of(job);
        TenantContext.set(parameters.tenant());
        progress.runStarted(parameters.runId(), job.getExecutionId());
    }

    @Override
    public void afterJob() {
        JobParameters parameters = JobParameters.of(job);
        try {
            // the runtime makes the status final after this listener: a run that got here unhurt completed
            BatchStatus status = job.getBatchStatus();
            String ended = switch (status) {
                case STARTED, COMPLETED -> "COMPLETED";
                case STOPPING, STOPPED -> "STOPPED";
                default -> "FAILED";
            };
            String failure = ended.equals("FAILED") ? progress.failureOf(parameters.runId(), job.getExitStatus()) : null;
            progress.runEnded(parameters.runId(), ended, failure);
            LOG.info(LogContext.BUSINESS, "report run " + parameters.runId() + " (" + job.getJobName() + ", execution "
                    + job.getExecutionId() + ") ended " + ended + (failure == null ? "" : ": " + failure));
        } finally {
            TenantContext.clear();
        }
    }
}
