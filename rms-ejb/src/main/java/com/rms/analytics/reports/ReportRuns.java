package com.rms.analytics.reports;

import com.rms.platform.batch.BatchJobs;
import com.rms.platform.error.AuthorizationException;
import com.rms.platform.error.ConflictException;
import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ServiceUnavailableException;
import com.rms.platform.error.ValidationException;
import com.rms.platform.logging.LogContext;
import com.rms.platform.logging.RmsLog;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.OutletDirectory;
import com.rms.tenancy.application.OutletView;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.batch.operations.JobExecutionNotRunningException;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Report runs of the caller's tenant: started, listed, read, stopped and restarted through the
 * Jakarta Batch runtime ({@link BatchJobs}, as the server's batch identity once this has checked the
 * caller's rights), reachable only through the tenant's {@code report_run} rows.
 *
 * <p>With no transaction: the run's row commits before the runtime is
 * asked to start it, so the job's listeners always find it.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportRuns {

    private static final RmsLog LOG = RmsLog.of(ReportRuns.class);
    /** How many recent runs a list looks through (a chain's nightly runs over more than a year). */
    private static final int LIST_WINDOW = 5_000;

    @Inject
    ReportRunStore store;

    @Inject
    OutletDirectory outlets;

    @Inject
    TenantRegistry tenants;

    @Inject
    ReportComputations computations;

    @Inject
    BatchJobs batch;

    public List<JobView> jobs() {
        return java.util.Arrays.stream(ReportJob.values()).map(JobView::of).toList();
    }

    /** A job as {@code GET /reports/jobs} lists it. */
    public record JobView(String name, String description, List<ReportJob.Parameter> parameters, boolean available,
            String unavailableReason) {
        static JobView of(ReportJob job) {
            return new JobView(job.jobName(), job.description(), job.parameters(), job.unavailable().isEmpty(),
                    job.unavailable().orElse(null));
        }
    }

    /** The outlets of the tenant the caller may report on (closed ones too), by name: the choice a run or schedule offers. */
    public List<OutletView> outlets() {
        return outlets.reportableBy(CallerContext.current());
    }

    /** Starts a run of the caller's tenant; answers once the batch runtime has it. */
    public ReportRunView.Started start(String jobName, Map<String, Object> parameters) {
        Caller caller = CallerContext.current();
        TenantContext.Tenant tenant = TenantContext.require();
        String timezone = tenants.find(tenant.slug()).map(TenantRegistry.Entry::timezone).orElse("UTC");
        ReportRequest request = ReportRequest.of(jobName, parameters, ReportRequest.today(timezone));
        List<Long> scope = outletsOf(request.outletIds(), caller);
        String shown = toJson(request.shown(scope)).toString();
        ReportRun run = store.create(new ReportRun(request, scope, shown, caller.username(), null));
        return launch(run.getId());
    }

    /** Hands a stored run that has no execution yet to the batch runtime, as the current tenant. */
    public ReportRunView.Started launch(long runId) {
        TenantContext.Tenant tenant = TenantContext.require();
        ReportRun run = store.require(runId);
        try {
            BatchJobs.Started started = batch.start(run.getJob(), JobParameters.of(tenant.slug(), run.getId()));
            long execution = started.executionId();
            store.launched(run.getId(), started.instanceId(), execution);
            LOG.info(LogContext.BUSINESS, "report run " + run.getId() + " (" + run.getJob() + ") started as execution "
                    + execution);
            return new ReportRunView.Started(run.getId(), run.getJob(), "STARTING");
        } catch (RuntimeException e) {
            LOG.error(LogContext.BUSINESS, "the batch runtime refused report run " + run.getId(), e);
            store.notLaunched(run.getId(), "the batch runtime could not start it; the server log has the cause");
            throw new ServiceUnavailableException("the report could not be started; try again", 5);
        }
    }

    /**
     * The outlets a run covers: those named (each must be an outlet of the tenant the caller may
     * report on), or every active outlet the caller may report on. None at all is a 400.
     */
    public List<Long> outletsOf(Set<Long> named, Caller caller) {
        Set<Long> chosen = new TreeSet<>();
        if (named.isEmpty()) {
            // not the outlets the caller works at: a batch operator reports on the whole chain, working at none
            outlets.reportableBy(caller).stream().filter(OutletView::active).map(OutletView::id).forEach(chosen::add);
            if (chosen.isEmpty()) {
                throw new ValidationException("no outlets to report on",
                        List.of(new FieldError("parameters.outletIds", "the caller may report on no active outlet")));
            }
            return List.copyOf(chosen);
        }
        for (long id : named) {
            if (!outlets.exists(id)) {
                throw new ValidationException("unknown outlet",
                        List.of(new FieldError("parameters.outletIds", "no outlet " + id + " in this tenant")));
            }
            if (!caller.mayReadReportsOf(id)) {
                throw new AuthorizationException("you may not report on outlet " + id);
            }
            chosen.add(id);
        }
        return List.copyOf(chosen);
    }

    public Page<ReportRunView> list(String job, String status, PageRequest paging) {
        if (job != null && ReportJob.named(job).isEmpty()) {
            throw new ValidationException("unknown job", List.of(new FieldError("job", "no job named '" + job + "'")));
        }
        if (status != null && !Set.of("STARTING", "STARTED", "STOPPING", "STOPPED", "FAILED", "COMPLETED", "ABANDONED")
                .contains(status)) {
            throw new ValidationException("unknown status", List.of(new FieldError("status", "no status " + status)));
        }
        Caller caller = CallerContext.current();
        List<ReportRun> visible = store.recent(job, status, LIST_WINDOW).stream().filter(r -> visibleTo(r, caller))
                .toList();
        List<ReportRunView> items = new ArrayList<>();
        for (ReportRun run : visible.subList(Math.min(paging.offset(), visible.size()),
                Math.min(paging.offset() + paging.size(), visible.size()))) {
            items.add(view(current(run)));
        }
        return new Page<>(items, paging.page(), paging.size(), visible.size());
    }

    public ReportRunView get(long id) {
        return view(current(visible(id)));
    }

    public void stop(long id) {
        ReportRun run = current(visible(id));
        if (run.getExecutionId() == null || !Set.of("STARTING", "STARTED").contains(run.getStatus())) {
            throw new ConflictException("run " + id + " is " + run.getStatus() + "; only a running run can be stopped");
        }
        try {
            batch.stop(run.getExecutionId());
        } catch (JobExecutionNotRunningException e) {
            throw new ConflictException("run " + id + " is no longer running");
        }
    }

    /** Runs again what a FAILED or STOPPED run had not finished: the runtime skips the completed partitions. */
    public ReportRunView.Started restart(long id) {
        ReportRun run = current(visible(id));
        if (!Set.of("FAILED", "STOPPED").contains(run.getStatus()) || run.getExecutionId() == null) {
            throw new ConflictException("run " + id + " is " + run.getStatus() + "; only a FAILED or STOPPED run can be "
                    + "restarted");
        }
        if (ReportJob.named(run.getJob()).flatMap(ReportJob::unavailable).isPresent()) {
            throw new ConflictException(ReportJob.named(run.getJob()).flatMap(ReportJob::unavailable).get());
        }
        TenantContext.Tenant tenant = TenantContext.require();
        try {
            long execution = batch.restart(run.getExecutionId(), JobParameters.of(tenant.slug(), run.getId()));
            store.restarted(id, execution);
            LOG.info(LogContext.BUSINESS, "report run " + id + " restarted as execution " + execution);
            return new ReportRunView.Started(id, run.getJob(), "STARTING");
        } catch (JobRestartException | NoSuchJobExecutionException e) {
            throw new ConflictException("run " + id + " cannot be restarted: " + e.getMessage());
        }
    }

    /** A finished run's output in one format ({@code csv json pdf}). */
    public ReportRunStore.Output output(long id, String format) {
        ReportRun run = current(visible(id));
        return store.output(id, format).orElseThrow(() -> "COMPLETED".equals(run.getStatus())
                ? new NotFoundException("run " + id + " has no " + format + " output")
                : new ConflictException("run " + id + " is " + run.getStatus() + "; outputs exist once it completed"));
    }

    private ReportRun visible(long id) {
        ReportRun run = store.require(id);
        if (!visibleTo(run, CallerContext.current())) {
            throw new NotFoundException("no report run " + id);
        }
        return run;
    }

    /** A run is the caller's to see when they may report on each of its outlets. */
    private static boolean visibleTo(ReportRun run, Caller caller) {
        return run.outlets().stream().allMatch(caller::mayReadReportsOf);
    }

    /**
     * The run, its status reconciled with the batch repository: a run whose execution ended without
     * its listener (the server died under it; Liberty marks such executions failed when it starts
     * again) shows the repository's status, so it can be restarted.
     */
    private ReportRun current(ReportRun run) {
        if (run.getExecutionId() == null || !Set.of("STARTING", "STARTED", "STOPPING").contains(run.getStatus())) {
            return run;
        }
        try {
            BatchStatus status = batch.status(run.getExecutionId());
            if (status == BatchStatus.FAILED || status == BatchStatus.STOPPED || status == BatchStatus.ABANDONED) {
                store.reconciled(run.getId(), status.name());
                return store.require(run.getId());
            }
        } catch (NoSuchJobExecutionException e) {
            store.reconciled(run.getId(), "FAILED");
            return store.require(run.getId());
        }
        return run;
    }

    private ReportRunView view(ReportRun run) {
        List<ReportRunView.Partition> partitions = store.partitions(run.getId());
        int done = (int) partitions.stream().filter(p -> p.status().equals("COMPLETED")).count();
        long read = partitions.stream().mapToLong(ReportRunView.Partition::itemsRead).sum();
        int planned = Math.max(partitions.size(), computations.of(ReportJob.named(run.getJob()).orElseThrow()).isPresent()
                ? run.outlets().size() : 0);
        return new ReportRunView(run.getId(), run.getJob(), run.getStatus(), ReportProgress.parse(run.getParameters()),
                run.getCreatedAt(), run.getStartedAt(), run.getEndedAt(), run.isStale(), run.getFailure(),
                run.getStartedBy(), run.getScheduleId(), new ReportRunView.Progress(planned, done, read), partitions,
                store.outputs(run.getId()));
    }

    static JsonObject toJson(Map<String, Object> values) {
        JsonObjectBuilder json = Json.createObjectBuilder();
        values.forEach((name, value) -> {
            if (value instanceof List<?> list) {
                JsonArrayBuilder array = Json.createArrayBuilder();
                list.forEach(v -> array.add(((Number) v).longValue()));
                json.add(name, array);
            } else {
                json.add(name, String.valueOf(value));
            }
        });
        return json.build();
    }
}
