package com.rms.analytics.reports;

import com.rms.platform.tenant.TenantContext;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * Reads the sections of the job's report one by one for the partition's outlet; its checkpoint is
 * the index of the next section, so a restarted partition skips what it had written.
 *
 * <p>It is the first artifact the batch runtime calls on a partition's thread and the last: {@link
 * #open} puts the thread into the run's tenant (before anything touches the database) and records
 * the partition started; {@link #close} records how it ended and leaves the tenant. (Liberty runs
 * step listeners only on the step's own thread, not on the partitions'.)
 */
@Dependent
@Named("sectionReader")
public class SectionReader extends AbstractItemReader {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    @BatchProperty(name = OutletPartitions.OUTLET)
    String outletId;

    @Inject
    ReportComputations computations;

    @Inject
    ReportProgress progress;

    private List<String> sections;
    private int next;
    private boolean finished;
    private TenantContext.Tenant previous;

    @Override
    public void open(Serializable checkpoint) {
        JobParameters parameters = JobParameters.of(job);
        previous = TenantContext.current().orElse(null);
        TenantContext.set(parameters.tenant());
        sections = computations.require(job.getJobName()).sections();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
        progress.partitionStarted(parameters.runId(), Long.parseLong(outletId), job.getExecutionId());
    }

    @Override
    public Object readItem() {
        if (next < sections.size()) {
            return new SectionTask(next, sections.get(next++));
        }
        if (!finished) {
            // every section's chunk has committed
            finished = true;
            progress.partitionEnded(JobParameters.of(job).runId(), Long.parseLong(outletId), "COMPLETED",
                    job.getExecutionId(), null);
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (!finished) {
                BatchStatus status = step.getBatchStatus();
                Exception failure = step.getException();
                progress.partitionEnded(JobParameters.of(job).runId(), Long.parseLong(outletId),
                        status == BatchStatus.STOPPING || status == BatchStatus.STOPPED ? "STOPPED" : "FAILED",
                        job.getExecutionId(), failure == null ? null : reason(failure));
            }
        } finally {
            if (previous == null) {
                TenantContext.clear();
            } else {
                TenantContext.set(previous);
            }
        }
    }

    private static String reason(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.sql.SQLException sql) {
            // the statement and its values stay in the server log; the run shows what kind of failure it was
            return "database error (SQL state " + sql.getSQLState() + "); the server log has the details";
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }

    /** One section to compute, with its place in the report's order. */
    record SectionTask(int index, String section) {
    }
}
