package com.rms.analytics.reports;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The only step of a report job whose computation is not built yet: the run ends FAILED with the
 * job's reason as its exit status, and produces nothing.
 */
@Dependent
@Named("unavailableReport")
public class UnavailableReport extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Override
    public String process() {
        String reason = ReportJob.named(job.getJobName()).flatMap(ReportJob::unavailable)
                .orElse(job.getJobName() + " cannot run");
        job.setExitStatus(reason);
        throw new IllegalStateException(reason);
    }
}
