package com.rms.analytics.reports;

import com.rms.platform.persistence.BaseEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;

/**
 * A tenant's schedule of one report job: a 5-field cron in a time zone, the outlets it reports on
 * (none: every active outlet at run time) and when it is next due. Each run reports the business day
 * before its due time, in the schedule's zone.
 */
@Entity
@Table(name = "report_schedule")
public class ReportSchedule extends BaseEntity {

    @Column(nullable = false)
    private String job;

    @Column(nullable = false)
    private String cron;

    @Column(nullable = false)
    private String timezone;

    /** The parameters as the schedule shows them (JSON). */
    @Column(nullable = false)
    private String parameters;

    @Column(name = "outlet_ids", nullable = false)
    private String outletIds;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "next_run_at")
    private OffsetDateTime nextRunAt;

    @Column(name = "last_run_id")
    private Long lastRunId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected ReportSchedule() {
    }

    public ReportSchedule(String createdBy) {
        this.createdBy = createdBy;
    }

    /** Sets what the schedule runs and when; the next due time is computed from now. */
    void define(ReportJob job, Cron cron, ZoneId zone, String parameters, List<Long> outlets, boolean enabled,
            ZonedDateTime now) {
        this.job = job.jobName();
        this.cron = cron.toString();
        this.timezone = zone.getId();
        this.parameters = parameters;
        this.outletIds = ReportRun.encode(outlets);
        this.enabled = enabled;
        this.nextRunAt = enabled ? cron.next(now, zone).map(ZonedDateTime::toOffsetDateTime).orElse(null) : null;
    }

    public String getJob() {
        return job;
    }

    public String getCron() {
        return cron;
    }

    public String getTimezone() {
        return timezone;
    }

    public String getParameters() {
        return parameters;
    }

    public List<Long> outlets() {
        return Arrays.stream(outletIds.split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    }

    public boolean isEnabled() {
        return enabled;
    }

    public OffsetDateTime getNextRunAt() {
        return nextRunAt;
    }

    public Long getLastRunId() {
        return lastRunId;
    }

    public String getCreatedBy() {
        return createdBy;
    }
}
