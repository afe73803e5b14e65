package com.rms.analytics.reports;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A report run of this tenant: one Jakarta Batch job instance (its latest execution after a
 * restart). The batch repository is shared by all tenants; the API reaches a run only through this
 * row in the tenant's schema, so another tenant's run is 404 by construction. Its status is written
 * by the job's listeners and reconciled with the repository when it is read.
 */
@Entity
@Table(name = "report_run")
public class ReportRun extends BaseEntity {

    @Column(nullable = false)
    private String job;

    @Column(name = "instance_id")
    private Long instanceId;

    @Column(name = "execution_id")
    private Long executionId;

    /** The parameters as the run shows them (JSON). */
    @Column(nullable = false)
    private String parameters;

    /** The outlets of the run, as {@code ,1,2,} so one outlet can be matched with LIKE. */
    @Column(name = "outlet_ids", nullable = false)
    private String outletIds;

    @Column(nullable = false)
    private String status;

    private String failure;

    @Column(nullable = false)
    private boolean stale;

    @Column(name = "business_from")
    private LocalDate businessFrom;

    @Column(name = "business_to")
    private LocalDate businessTo;

    @Column(name = "schedule_id")
    private Long scheduleId;

    /** A later run of the same days and outlets that replaced this stale one. */
    @Column(name = "superseded_by")
    private Long supersededBy;

    @Column(name = "started_by", nullable = false)
    private String startedBy;

    @Column(name = "started_at")
    private OffsetDateTime startedAt;

    @Column(name = "ended_at")
    private OffsetDateTime endedAt;

    protected ReportRun() {
    }

    public ReportRun(ReportRequest request, List<Long> outlets, String parameters, String startedBy, Long scheduleId) {
        this.job = request.job().jobName();
        this.parameters = parameters;
        this.outletIds = encode(outlets);
        this.status = "STARTING";
        this.businessFrom = request.from();
        this.businessTo = request.to();
        this.startedBy = startedBy;
        this.scheduleId = scheduleId;
    }

    static String encode(List<Long> outlets) {
        StringBuilder text = new StringBuilder(",");
        outlets.forEach(id -> text.append(id).append(','));
        return text.toString();
    }

    public String getJob() {
        return job;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Long getExecutionId() {
        return executionId;
    }

    public String getParameters() {
        return parameters;
    }

    public List<Long> outlets() {
        return Arrays.stream(outletIds.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    public String getStatus() {
        return status;
    }

    public String getFailure() {
        return failure;
    }

    public boolean isStale() {
        return stale;
    }

    public LocalDate getBusinessFrom() {
        return businessFrom;
    }

    public LocalDate getBusinessTo() {
        return businessTo;
    }

    public Long getScheduleId() {
        return scheduleId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public OffsetDateTime getStartedAt() {
        return startedAt;
    }

    public OffsetDateTime getEndedAt() {
        return endedAt;
    }

    /** The same days and outlets again, for a schedule re-running this stale run. */
    ReportRun rerun(String startedBy, long scheduleId) {
        ReportRun again = new ReportRun();
        again.job = job;
        again.parameters = parameters;
        again.outletIds = outletIds;
        again.status = "STARTING";
        again.businessFrom = businessFrom;
        again.businessTo = businessTo;
        again.startedBy = startedBy;
        again.scheduleId = scheduleId;
        return again;
    }

    void supersededBy(long run) {
        this.supersededBy = run;
    }

    public Long getSupersededBy() {
        return supersededBy;
    }

    /** The job was handed to the batch runtime as this instance and execution. */
    void launched(long instance, long execution) {
        this.instanceId = instance;
        this.executionId = execution;
    }

    /** The batch runtime refused to start or restart it. */
    void notLaunched(String reason) {
        this.status = "FAILED";
        this.failure = reason;
        this.endedAt = OffsetDateTime.now();
    }

    /** A restart: a new execution of the same instance, starting again. */
    void restarted(long execution) {
        this.executionId = execution;
        this.status = "STARTING";
        this.failure = null;
        this.endedAt = null;
    }
}
