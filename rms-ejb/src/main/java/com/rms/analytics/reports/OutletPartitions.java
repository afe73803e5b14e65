package com.rms.analytics.reports;

import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Properties;

/**
 * One partition per outlet of the run, two at a time (the machine's cores; each partition's work is
 * in the database). On a restart the runtime keeps this plan and runs only the partitions that had
 * not completed; each resumes at its last checkpoint.
 */
@Dependent
@Named("outletPartitions")
public class OutletPartitions implements PartitionMapper {

    static final String OUTLET = "outletId";
    private static final int THREADS = 2;

    @Inject
    JobContext job;

    @Inject
    ReportProgress progress;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Override
    public PartitionPlan mapPartitions() {
        long runId = JobParameters.of(job).runId();
        ReportRun run = em.find(ReportRun.class, runId);
        if (run == null) {
            throw new IllegalStateException("report run " + runId + " is not in the tenant's schema");
        }
        List<Long> outlets = run.outlets();
        progress.planned(runId, outlets);
        Properties[] properties = new Properties[outlets.size()];
        for (int i = 0; i < outlets.size(); i++) {
            properties[i] = new Properties();
            properties[i].setProperty(OUTLET, outlets.get(i).toString());
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(outlets.size());
        plan.setThreads(Math.max(1, Math.min(THREADS, outlets.size())));
        plan.setPartitionProperties(properties);
        return plan;
    }
}
