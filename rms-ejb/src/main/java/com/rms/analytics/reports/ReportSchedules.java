package com.rms.analytics.reports;

import com.rms.platform.error.NotFoundException;
import com.rms.platform.error.RmsException.FieldError;
import com.rms.platform.error.ValidationException;
import com.rms.platform.paging.Page;
import com.rms.platform.paging.PageRequest;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.platform.tenant.TenantContext;
import com.rms.tenancy.application.TenantRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Report schedules of the current tenant ({@code /reports/schedules}) and their firing: a due time
 * is claimed by moving {@code next_run_at} on with a conditional UPDATE in the transaction that
 * stores its run, so it runs exactly once however many servers share the database; a time missed
 * while every server was down is claimed at the next tick after start, one due time after another.
 */
@ApplicationScoped
public class ReportSchedules {

    /** How many stale runs one firing re-runs at most. */
    private static final int RERUNS = 10;

    @PersistenceContext(unitName = "rms")
    EntityManager em;

    @Inject
    ReportRuns runs;

    @Inject
    TenantRegistry tenants;

    /** The body of {@code POST} and {@code PUT /reports/schedules}. */
    public record Definition(String job, String cron, String timezone, Map<String, Object> parameters, Boolean enabled) {
    }

    /** A schedule as the API shows it. */
    public record View(long id, String job, String cron, String timezone, JsonObject parameters, boolean enabled,
            OffsetDateTime nextRunAt, Long lastRunId, String createdBy, OffsetDateTime createdAt) {
        static View of(ReportSchedule s) {
            return new View(s.getId(), s.getJob(), s.getCron(), s.getTimezone(), ReportProgress.parse(s.getParameters()),
                    s.isEnabled(), s.getNextRunAt(), s.getLastRunId(), s.getCreatedBy(), s.getCreatedAt());
        }
    }

    @Transactional
    public View create(Definition definition) {
        ReportSchedule schedule = new ReportSchedule(CallerContext.current().username());
        define(schedule, definition);
        em.persist(schedule);
        em.flush();
        return View.of(schedule);
    }

    @Transactional
    public View update(long id, Definition definition) {
        ReportSchedule schedule = visible(id);
        define(schedule, definition);
        em.flush();
        return View.of(schedule);
    }

    @Transactional
    public void delete(long id) {
        em.remove(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(long id) {
        return View.of(visible(id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<View> list(PageRequest paging) {
        Caller caller = CallerContext.current();
        List<View> visible = em.createQuery("select s from ReportSchedule s order by s.id", ReportSchedule.class)
                .getResultStream().filter(s -> visibleTo(s, caller)).map(View::of).toList();
        return new Page<>(visible.subList(Math.min(paging.offset(), visible.size()),
                Math.min(paging.offset() + paging.size(), visible.size())), paging.page(), paging.size(), visible.size());
    }

    private ReportSchedule visible(long id) {
        ReportSchedule schedule = em.find(ReportSchedule.class, id);
        if (schedule == null || !visibleTo(schedule, CallerContext.current())) {
            throw new NotFoundException("no report schedule " + id);
        }
        return schedule;
    }

    /**
     * A schedule is the caller's when they may report on each of its outlets; one over every outlet
     * (none named) only for those who report on the whole chain.
     */
    private static boolean visibleTo(ReportSchedule schedule, Caller caller) {
        List<Long> outlets = schedule.outlets();
        return outlets.isEmpty() ? !caller.reportsLimitedToOutlets() : outlets.stream().allMatch(caller::mayReadReportsOf);
    }

    private void define(ReportSchedule schedule, Definition d) {
        if (d == null) {
            throw new ValidationException("a schedule needs job, cron and timezone",
                    List.of(new FieldError("job", "required")));
        }
        List<FieldError> errors = new ArrayList<>();
        ReportJob job = d.job() == null ? null : ReportJob.named(d.job()).orElse(null);
        if (job == null) {
            errors.add(new FieldError("job", d.job() == null ? "required" : "no job named '" + d.job() + "'"));
        } else if (job.unavailable().isPresent()) {
            errors.add(new FieldError("job", job.unavailable().get()));
        }
        ZoneId zone = null;
        String timezone = d.timezone() != null ? d.timezone()
                : tenants.find(TenantContext.require().slug()).map(TenantRegistry.Entry::timezone).orElse("UTC");
        try {
            zone = ZoneId.of(timezone);
        } catch (DateTimeException e) {
            errors.add(new FieldError("timezone", "no time zone '" + timezone + "'"));
        }
        Cron cron = null;
        try {
            cron = Cron.parse(d.cron());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("cron", e.getMessage()));
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        if (cron != null && zone != null) {
            if (cron.next(now, zone).isEmpty()) {
                errors.add(new FieldError("cron", "never fires"));
            } else if (cron.shortestInterval(now, zone).compareTo(Cron.MIN_INTERVAL) < 0) {
                errors.add(new FieldError("cron", "fires more often than every " + Cron.MIN_INTERVAL.toMinutes()
                        + " minutes"));
            }
        }
        Map<String, Object> parameters = d.parameters() == null ? Map.of() : d.parameters();
        parameters.keySet().stream().filter(name -> !name.equals("outletIds")).forEach(name -> errors.add(
                new FieldError("parameters." + name, "a schedule reports the business day before each run; it takes "
                        + "only outletIds")));
        if (!errors.isEmpty()) {
            throw new ValidationException("invalid report schedule", errors);
        }
        ReportRequest request = ReportRequest.of(job.jobName(), parameters, LocalDate.now(zone));
        Caller caller = CallerContext.current();
        List<Long> outlets = request.outletIds().isEmpty() ? List.of() : runs.outletsOf(request.outletIds(), caller);
        if (outlets.isEmpty() && caller.reportsLimitedToOutlets()) {
            throw new ValidationException("name the outlets", List.of(new FieldError("parameters.outletIds",
                    "you report on some outlets only; a schedule over every outlet is for the chain's owners and "
                            + "batch operators")));
        }
        String shown = ReportRuns.toJson(outlets.isEmpty() ? Map.of() : Map.of("outletIds", outlets)).toString();
        schedule.define(job, cron, zone, shown, outlets, d.enabled() == null || d.enabled(), now);
    }

    /** The schedules of the current tenant due at {@code now}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> due(OffsetDateTime now) {
        return em.createQuery("select s.id from ReportSchedule s where s.enabled = true and s.nextRunAt <= :now "
                + "order by s.nextRunAt", Long.class).setParameter("now", now).getResultList();
    }

    /**
     * Claims the schedule's due time: stores its run (the business day before the due time in the
     * schedule's zone) and re-runs of its stale runs, and moves the due time on, all in one
     * transaction whose conditional UPDATE only one server wins. Answers the runs to launch (none
     * when another server claimed it first).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> claim(long scheduleId, OffsetDateTime now) {
        ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId);
        if (schedule == null || !schedule.isEnabled() || schedule.getNextRunAt() == null
                || schedule.getNextRunAt().isAfter(now)) {
            return List.of();
        }
        ZoneId zone = ZoneId.of(schedule.getTimezone());
        ZonedDateTime dueAt = schedule.getNextRunAt().atZoneSameInstant(zone);
        String by = "schedule:" + scheduleId;
        Caller system = Caller.system(by, TenantContext.require().slug());
        LocalDate day = dueAt.toLocalDate().minusDays(1);
        List<Long> launch = new ArrayList<>();
        Long runId = null;
        try {
            ReportRequest request = ReportRequest.of(schedule.getJob(),
                    schedule.outlets().isEmpty() ? Map.of() : Map.of("outletIds", schedule.outlets()), day.plusDays(1));
            List<Long> outlets = runs.outletsOf(request.outletIds(), system);
            ReportRun run = new ReportRun(request, outlets, ReportRuns.toJson(request.shown(outlets)).toString(), by,
                    scheduleId);
            em.persist(run);
            em.flush();
            runId = run.getId();
            launch.add(runId);
        } catch (ValidationException e) {
            // no outlet to report on (all closed or removed): the due time passes without a run
        }
        OffsetDateTime next = Cron.parse(schedule.getCron()).next(dueAt, zone).map(ZonedDateTime::toOffsetDateTime)
                .orElse(null);
        var move = em.createQuery("update ReportSchedule s set s.nextRunAt = :next"
                + (runId == null ? "" : ", s.lastRunId = :run") + " where s.id = :id and s.nextRunAt = :due "
                + "and s.enabled = true").setParameter("next", next).setParameter("id", scheduleId)
                .setParameter("due", schedule.getNextRunAt());
        if (runId != null) {
            move.setParameter("run", runId);
        }
        int claimed = move.executeUpdate();
        if (claimed == 0) {
            // another server claimed this due time first: nothing of this transaction may stay
            throw new AlreadyClaimed();
        }
        List<ReportRun> stale = em.createQuery("select r from ReportRun r where r.scheduleId = :id and r.stale = true "
                + "and r.supersededBy is null and r.status = 'COMPLETED' order by r.id", ReportRun.class)
                .setParameter("id", scheduleId).setMaxResults(RERUNS).getResultList();
        for (ReportRun old : stale) {
            ReportRun again = old.rerun(by + " (stale run " + old.getId() + ")", scheduleId);
            em.persist(again);
            em.flush();
            old.supersededBy(again.getId());
            launch.add(again.getId());
        }
        return launch;
    }

    /** Thrown to roll back a claim another server won; {@link ReportScheduler} treats it as nothing due. */
    public static final class AlreadyClaimed extends RuntimeException {
        AlreadyClaimed() {
            super("another server claimed this due time", null, false, false);
        }
    }

    /** Runs stored by a claim whose launch never happened (the server stopped in between). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Long> unlaunched(OffsetDateTime before) {
        return em.createQuery("select r.id from ReportRun r where r.executionId is null and r.status = 'STARTING' "
                + "and r.scheduleId is not null and r.createdAt < :before", Long.class).setParameter("before", before)
                .getResultList();
    }

    /** Takes an unlaunched run for this server, so that two servers recovering it launch it once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean takeUnlaunched(long runId, OffsetDateTime before) {
        return em.createNativeQuery("update report_run set updated_at = ?2 where id = ?1 and execution_id is null "
                + "and status = 'STARTING' and updated_at < ?3").setParameter(1, runId)
                .setParameter(2, OffsetDateTime.now(ZoneOffset.UTC)).setParameter(3, before).executeUpdate() == 1;
    }
}
