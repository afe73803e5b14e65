package com.rms.analytics.reports;

import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.ZoneId;

/** Computes one section of the report for the partition's outlet, in the outlet's time zone and currency. */
@Dependent
@Named("sectionProcessor")
public class SectionProcessor implements ItemProcessor {

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = OutletPartitions.OUTLET)
    String outletId;

    @Inject
    ReportComputations computations;

    @Inject
    OutletDirectory outlets;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    private ReportComputation.Scope scope;

    @Override
    public Object processItem(Object item) {
        SectionReader.SectionTask task = (SectionReader.SectionTask) item;
        ReportComputation computation = computations.require(job.getJobName());
        return new Computed(task, computation.compute(task.section(), scope()));
    }

    private ReportComputation.Scope scope() {
        if (scope == null) {
            long outlet = Long.parseLong(outletId);
            OutletView view = outlets.get(outlet);
            ReportRun run = em.find(ReportRun.class, JobParameters.of(job).runId());
            scope = new ReportComputation.Scope(outlet, ZoneId.of(view.timezone()), view.currency(),
                    run.getBusinessFrom(), run.getBusinessTo());
        }
        return scope;
    }

    /** A computed section on its way to the writer. */
    record Computed(SectionReader.SectionTask task, ReportComputation.Section section) {
    }
}
