package com.rms.analytics.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.RecordForm;
import com.rms.analytics.reports.ReportRunStore;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.ByteArrayInputStream;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

/**
 * One report run ({@code /report-run?id=}): its status and parameters, a progress bar per outlet
 * partition, why it failed, Stop while it runs, Restart once it failed or was stopped, and its
 * outputs to download once it completed. Re-read every two seconds while it runs. A run the caller
 * may not see (another tenant's, another manager's outlets) is not found, as in the API.
 */
@Named
@ViewScoped
public class ReportRunBacking extends RecordForm {

    private static final long serialVersionUID = 1L;

    @Inject
    ReportRuns runs;

    /** Read from the service when missing, never stored with the view. */
    private transient ReportRunView run;

    public void load() {
        if (id == null) {
            found = false;
            Messages.error(null, "No report run was given.");
            return;
        }
        getRun();
    }

    public ReportRunView getRun() {
        if (run == null && found && id != null) {
            try {
                run = runs.get(id);
            } catch (NotFoundException missing) {
                found = false;
                Messages.error(null, "There is no such report run.");
            }
        }
        return run;
    }

    /** The poll's tick: the run is re-read; the poll stops once it no longer runs. */
    public void refresh() {
        run = null;
        if (!isRunning()) {
            PrimeFaces.current().executeScript("PF('runPoll').stop()");
        }
    }

    public boolean isRunning() {
        return getRun() != null && ReportLabels.running(run.status());
    }

    public boolean isStoppable() {
        return getRun() != null && ("STARTING".equals(run.status()) || "STARTED".equals(run.status()));
    }

    /** A failed or stopped run of a job that can produce a result (a restart of one that cannot is refused). */
    public boolean isRestartable() {
        return getRun() != null && ("FAILED".equals(run.status()) || "STOPPED".equals(run.status()))
                && runs.jobs().stream().anyMatch(j -> j.name().equals(run.job()) && j.available());
    }

    public void stop() {
        act(() -> runs.stop(id), "Stopping run " + id + ": the outlets under way stop at their next checkpoint.");
    }

    public void restart() {
        act(() -> runs.restart(id), "Run " + id + " restarted: the outlets that had not completed run again.");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            Messages.info(done);
            PrimeFaces.current().executeScript("PF('runPoll').start()");
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
        }
        run = null;
    }

    /** The output in {@code format} (csv, json or pdf) as a file download. */
    public StreamedContent download(String format) {
        ReportRunStore.Output output;
        try {
            output = runs.output(id, format);
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
            return null;
        }
        return DefaultStreamedContent.builder().name("report-" + id + "." + format).contentType(output.mediaType())
                .contentLength((long) output.content().length).stream(() -> new ByteArrayInputStream(output.content())).build();
    }

    /** Whether the run has an output in {@code format}: it completed and rendered it. */
    public boolean has(String format) {
        return getRun() != null && "COMPLETED".equals(run.status()) && run.outputs().contains(format);
    }

    /** How far one outlet's partition is, in percent: done or not (its rows are counted beside it). */
    public int percent(ReportRunView.Partition partition) {
        return "COMPLETED".equals(partition.status()) ? 100 : 0;
    }
}
