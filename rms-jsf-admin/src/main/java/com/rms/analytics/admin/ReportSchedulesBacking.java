package com.rms.analytics.admin;

import com.rms.admin.faces.Messages;
import com.rms.admin.faces.Pages;
import com.rms.analytics.reports.ReportRuns;
import com.rms.analytics.reports.ReportRuns.JobView;
import com.rms.analytics.reports.ReportSchedules;
import com.rms.analytics.reports.ReportSchedules.Definition;
import com.rms.analytics.reports.ReportSchedules.View;
import com.rms.platform.error.RmsException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The report schedules of the tenant the caller may see ({@code /report-schedules}): each with its
 * next run, created and edited in a dialog, enabled or disabled in place, deleted after a
 * confirmation. {@link ReportSchedules} checks the cron (at most every five minutes), the zone and
 * the outlets; its field errors are shown at the dialog's inputs.
 */
@Named
@ViewScoped
public class ReportSchedulesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    static final String FORM = "scheduleForm";
    private static final List<String> INPUTS = List.of("job", "cron", "timezone", "outletIds");
    /** Every time zone a schedule may name, read once. */
    private static final List<String> ZONES = java.util.stream.Stream.concat(java.util.stream.Stream.of("UTC"),
            ZoneId.getAvailableZoneIds().stream().filter(z -> z.contains("/"))
                    .filter(z -> !z.startsWith("Etc/") && !z.startsWith("SystemV/")).sorted()).toList();

    @Inject
    ReportSchedules schedules;

    @Inject
    ReportRuns runs;

    /** The schedule the dialog edits, or null when it creates one. */
    private Long editing;
    private String job;
    private String cron;
    private String timezone;
    private List<Long> outletIds = new ArrayList<>();
    private boolean enabled = true;

    /** Read from the service when missing, never stored with the view. */
    private transient List<View> list;
    private transient List<JobView> jobs;

    public List<View> getSchedules() {
        if (list == null) {
            list = Pages.all(schedules::list);
        }
        return list;
    }

    /** The jobs a schedule may run: those that can produce a result. */
    public List<JobView> getJobs() {
        if (jobs == null) {
            jobs = runs.jobs().stream().filter(JobView::available).toList();
        }
        return jobs;
    }

    public List<String> getZones() {
        return ZONES;
    }

    /** Opens the dialog for a new schedule: every night at 02:00 in the tenant's zone, enabled. */
    public void create() {
        editing = null;
        job = getJobs().isEmpty() ? null : getJobs().get(0).name();
        cron = "0 2 * * *";
        timezone = null;
        outletIds = new ArrayList<>();
        enabled = true;
    }

    /** Opens the dialog on schedule {@code id}. */
    public void edit(long id) {
        try {
            View view = schedules.get(id);
            editing = id;
            job = view.job();
            cron = view.cron();
            timezone = view.timezone();
            outletIds = new ArrayList<>(ReportParameters.outletIds(view.parameters()));
            enabled = view.enabled();
        } catch (RmsException gone) {
            Messages.show(gone, Map.of());
            list = null;
        }
    }

    /** Creates or changes the dialog's schedule; the dialog stays open with the refusal when the service refuses it. */
    public void save() {
        Definition definition = new Definition(job, cron == null ? null : cron.trim(), timezone,
                ReportParameters.outlets(outletIds), enabled);
        try {
            View saved = editing == null ? schedules.create(definition) : schedules.update(editing, definition);
            Messages.info("Schedule " + saved.id() + " of " + saved.job() + " saved.");
        } catch (RmsException refused) {
            Messages.show(refused, field -> ReportParameters.clientId(FORM, field, INPUTS));
        }
        list = null;
    }

    /** Turns schedule {@code id} on or off, keeping the rest of it. */
    public void toggle(long id) {
        try {
            View view = schedules.get(id);
            View saved = schedules.update(id, new Definition(view.job(), view.cron(), view.timezone(),
                    ReportParameters.outlets(ReportParameters.outletIds(view.parameters())), !view.enabled()));
            Messages.info("Schedule " + id + (saved.enabled() ? " enabled." : " disabled."));
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
        }
        list = null;
    }

    public void delete(long id) {
        try {
            schedules.delete(id);
            Messages.info("Schedule " + id + " deleted.");
        } catch (RmsException refused) {
            Messages.show(refused, Map.of());
        }
        list = null;
    }

    public boolean isCreating() {
        return editing == null;
    }

    public Long getEditing() {
        return editing;
    }

    public String getJob() {
        return job;
    }

    public void setJob(String job) {
        this.job = job;
    }

    public String getCron() {
        return cron;
    }

    public void setCron(String cron) {
        this.cron = cron;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone == null || timezone.isBlank() ? null : timezone;
    }

    public List<Long> getOutletIds() {
        return outletIds;
    }

    public void setOutletIds(List<Long> outletIds) {
        this.outletIds = outletIds == null ? new ArrayList<>() : outletIds;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }
}
