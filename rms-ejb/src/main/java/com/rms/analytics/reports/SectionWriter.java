package com.rms.analytics.reports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Writes computed sections as the run's rows, in the chunk's transaction (with its checkpoint). */
@Dependent
@Named("sectionWriter")
public class SectionWriter extends AbstractItemWriter {

    /** Room for each section's rows in the report's order. */
    static final int SECTION_POSITIONS = 1_000_000;

    @Inject
    JobContext job;

    @Inject
    @BatchProperty(name = OutletPartitions.OUTLET)
    String outletId;

    @Inject
    ReportProgress progress;

    @Override
    public void writeItems(List<Object> items) {
        long runId = JobParameters.of(job).runId();
        for (Object item : items) {
            SectionProcessor.Computed computed = (SectionProcessor.Computed) item;
            progress.sectionWritten(runId, Long.parseLong(outletId), computed.task().section(),
                    computed.section().rows(), computed.section().itemsRead(),
                    computed.task().index() * SECTION_POSITIONS);
        }
    }
}
