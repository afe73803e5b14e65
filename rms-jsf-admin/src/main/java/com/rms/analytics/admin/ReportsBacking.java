package com.rms.analytics.admin;

import com.rms.admin.faces.Messages;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.analytics.reports.ReportRuns.JobView;
import com.rms.platform.error.RmsException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.primefaces.PrimeFaces;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The batch operators' console ({@code /reports}): the report jobs, <em>Run now</em> with the job's
 * parameters, and the runs of the tenant the caller may see, page by page and filtered by job and
 * status, re-read every two seconds while one of them is still running. What may run, for whom and
 * with which defaults is {@link ReportRuns}'s to decide; its refusals are shown at the fields.
 */
@Named
@ViewScoped
public class ReportsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String RUN_FORM = "runForm";
    private static final List<String> RUN_INPUTS = List.of("businessDate", "from", "to", "outletIds");
    static final List<String> STATUSES = List.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED",
            "ABANDONED");

    @Inject
    ReportRuns runs;

    private String job;
    private String status;

    /** The run being prepared in the dialog. */
    private String runJob;
    private LocalDate businessDate;
    private LocalDate from;
    private LocalDate to;
    private List<Long> outletIds = new ArrayList<>();

    private final Runs model = new Runs();
    /** Read from the service when missing, never stored with the view. */
    private transient List<JobView> jobs;
    private transient Boolean anyRunning;

    /** The runs of the filter, one table page at a time. */
    public class Runs extends LazyDataModel<ReportRunView> {

        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return (int) runs.list(job, status, PageRequest.of(0, 1)).total();
        }

        @Override
        public List<ReportRunView> load(int first, int pageSize, Map<String, SortMeta> sortBy,
                Map<String, FilterMeta> filterBy) {
            Page<ReportRunView> page = runs.list(job, status, PageRequest.of(first / pageSize, pageSize));
            setRowCount((int) page.total());
            return page.items();
        }

        @Override
        public String getRowKey(ReportRunView run) {
            return Long.toString(run.id());
        }

        @Override
        public ReportRunView getRowData(String rowKey) {
            return runs.get(Long.parseLong(rowKey));
        }
    }

    public List<JobView> getJobs() {
        if (jobs == null) {
            jobs = runs.jobs();
        }
        return jobs;
    }

    /** The job of the dialog, or null. */
    public JobView getRunJobView() {
        return getJobs().stream().filter(j -> j.name().equals(runJob)).findFirst().orElse(null);
    }

    public boolean takes(String parameter) {
        return ReportParameters.takes(getRunJobView(), parameter);
    }

    /** What the job does when a parameter is left blank, as the job describes it. */
    public String defaultOf(String parameter) {
        JobView view = getRunJobView();
        return view == null ? null : view.parameters().stream().filter(p -> p.name().equals(parameter))
                .map(p -> "Blank: " + p.defaultValue()).findFirst().orElse(null);
    }

    /** Opens the dialog for {@code name}, its parameters blank (the job's defaults). */
    public void prepare(String name) {
        runJob = name;
        businessDate = null;
        from = null;
        to = null;
        outletIds = new ArrayList<>();
    }

    /** Starts the dialog's run; the dialog stays open with the refusal when the service refuses it. */
    public void start() {
        try {
            JobView view = getRunJobView();
            ReportRunView.Started started = runs.start(runJob,
                    ReportParameters.of(view, businessDate, from, to, outletIds));
            Messages.info("Run " + started.id() + " of " + started.job() + " started.");
            anyRunning = true;
            PrimeFaces.current().executeScript("PF('runsPoll').start()");
        } catch (RmsException refused) {
            Messages.show(refused, field -> ReportParameters.clientId(RUN_FORM, field, RUN_INPUTS));
        }
    }

    /** The poll's tick: the table is re-read; the poll stops once no run is left running. */
    public void refresh() {
        anyRunning = null;
        if (!isAnyRunning()) {
            PrimeFaces.current().executeScript("PF('runsPoll').stop()");
        }
    }

    /** Whether one of the latest runs may still change (the poll runs only then). */
    public boolean isAnyRunning() {
        if (anyRunning == null) {
            anyRunning = runs.list(null, null, PageRequest.of(0, PageRequest.DEFAULT_SIZE)).items().stream()
                    .anyMatch(r -> ReportLabels.running(r.status()));
        }
        return anyRunning;
    }

    /** The filter changed: the table starts again at its first page. */
    public void filter() {
        anyRunning = null;
    }

    public Runs getRuns() {
        return model;
    }

    public List<String> getStatuses() {
        return STATUSES;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job == null || job.isBlank() ? null : job;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status == null || status.isBlank() ? null : status;
    }

    public String getRunJob() {
        return runJob;
    }

    public void setRunJob(String runJob) {
        this.runJob = runJob;
    }

    public LocalDate getBusinessDate() {
        return businessDate;
    }

    public void setBusinessDate(LocalDate businessDate) {
        this.businessDate = businessDate;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public List<Long> getOutletIds() {
        return outletIds;
    }

    public void setOutletIds(List<Long> outletIds) {
        this.outletIds = outletIds == null ? new ArrayList<>() : outletIds;
    }
}
