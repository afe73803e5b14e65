package arq;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import arq.support.Await;
import arq.support.RmsDeployment;
import arq.support.Rows;
import arq.support.Server;
import arq.support.Shops;
import arq.support.Shops.Shop;
import arq.support.Transactions;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns;
import com.rms.analytics.reports.ReportScheduler;
import com.rms.analytics.reports.ReportSchedules;
import com.rms.platform.batch.BatchJobs;
import com.rms.platform.security.Caller;
import com.rms.platform.security.CallerContext;
import com.rms.tenancy.application.OutletCommand;
import com.rms.tenancy.application.OutletDirectory;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Report runs inside the server: a run partitioned per outlet where one outlet's partition fails is
 * restarted and runs only that partition again; two servers' schedulers claiming one due time make
 * one run; due times missed while no server ran are caught up, one run per business day.
 */
@Tag("in-container")
@ExtendWith(ArquillianExtension.class)
class ReportsIT {

    private static final Duration RUN = Duration.ofSeconds(90);

    @Deployment
    static EnterpriseArchive deployment() {
        return RmsDeployment.ear();
    }

    @Inject
    Shops shops;

    @Inject
    OutletDirectory outlets;

    @Inject
    ReportRuns runs;

    @Inject
    ReportSchedules schedules;

    @Inject
    ReportScheduler scheduler;

    @Inject
    BatchJobs batch;

    @BeforeEach
    void ready() {
        Server.awaitReady();
    }

    /** A timestamp column as the driver gives it (H2: OffsetDateTime, PostgreSQL: Timestamp). */
    private static OffsetDateTime time(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toInstant().atOffset(ZoneOffset.UTC) : (OffsetDateTime) value;
    }

    private static String status(Shop shop, ReportRuns runs, long id) {
        return shop.call(() -> runs.get(id)).status();
    }

    @Test
    void aRestartRunsOnlyThePartitionsThatHadNotCompleted() {
        Shop shop = shops.open("arqrep", 5);
        Rows rows = shop.rows();
        long second = shop.call(() -> outlets.create(new OutletCommand("Arq Harbour", "Quay 2", null, "Europe/Berlin", "EUR",
                true)).id());
        // the second outlet's partition cannot work out its business day
        rows.update("update " + rows.schema() + ".outlet set timezone = 'Nowhere/Atlantis' where id = ?", second);

        long id = shop.call(() -> runs.start("daily-sales", Map.of("businessDate", "2026-12-01",
                "outletIds", List.of(shop.outlet(), second)))).id();
        Await.until("the run failed", RUN, () -> "FAILED".equals(status(shop, runs, id)));
        ReportRunView failed = shop.call(() -> runs.get(id));
        assertEquals(2, failed.progress().partitions());
        assertEquals(1, failed.progress().completedPartitions(), failed::toString);
        assertTrue(failed.failure().contains("outlet " + second), failed.failure());
        assertEquals(List.of(), failed.outputs());
        Object firstExecution = rows.single("select execution_id from " + rows.schema() + ".report_partition where run_id = ? and outlet_id = ?",
                id, shop.outlet());
        assertEquals("FAILED", rows.single("select status from " + rows.schema() + ".report_partition where run_id = ? and outlet_id = ?",
                id, second));

        rows.update("update " + rows.schema() + ".outlet set timezone = 'Europe/Lisbon' where id = ?", second);
        shop.run(() -> runs.restart(id));
        Await.until("the restarted run completed", RUN, () -> "COMPLETED".equals(status(shop, runs, id)));
        ReportRunView completed = shop.call(() -> runs.get(id));
        assertEquals(2, completed.progress().completedPartitions());
        assertEquals(List.of("csv", "json", "pdf"), completed.outputs());
        // the partition that had completed was not run again; the failed one was, by the new execution
        assertEquals(firstExecution, rows.single("select execution_id from " + rows.schema() + ".report_partition where run_id = ? "
                + "and outlet_id = ?", id, shop.outlet()));
        Object secondExecution = rows.single("select execution_id from " + rows.schema() + ".report_partition where run_id = ? "
                + "and outlet_id = ?", id, second);
        assertNotEquals(firstExecution, secondExecution);
        String csv = new String(shop.call(() -> runs.output(id, "csv")).content(), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n" + shop.outlet() + ",total,all,"), csv);
        assertTrue(csv.contains("\r\n" + second + ",total,all,"), csv);
        assertEquals(1L, rows.count("report_row", "run_id = ? and outlet_id = ? and section = 'total' and row_key = 'all'",
                id, second));
    }

    @Test
    void twoSchedulersClaimingOneDueTimeMakeOneRun() {
        Shop shop = shops.open("arqsched", 5);
        Rows rows = shop.rows();
        long schedule = shop.call(() -> schedules.create(new ReportSchedules.Definition("daily-sales", "0 3 * * *",
                "Europe/Berlin", null, true))).id();
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1).withSecond(0).withNano(0);
        rows.update("update " + rows.schema() + ".report_schedule set next_run_at = ? where id = ?", due, schedule);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        List<Callable<Object>> servers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            servers.add(() -> shop.call(() -> {
                CallerContext.set(Caller.system("system:report-scheduler", shop.slug()));
                return schedules.claim(schedule, now);
            }));
        }
        List<Object> outcomes = Transactions.concurrently(servers);
        long winners = outcomes.stream().filter(o -> o instanceof List<?> l && l.size() == 1).count();
        assertEquals(1, winners, outcomes::toString);
        outcomes.stream().filter(o -> !(o instanceof List<?> l && l.size() == 1)).forEach(o -> assertTrue(
                o instanceof ReportSchedules.AlreadyClaimed || o instanceof List<?> l && l.isEmpty(), String.valueOf(o)));
        assertEquals(1L, rows.count("report_run", "schedule_id = ?", schedule));
        OffsetDateTime next = time(rows.single("select next_run_at from " + rows.schema() + ".report_schedule where id = ?",
                schedule));
        assertTrue(next.isAfter(now), "the due time moved on: " + next);
    }

    @Test
    void dueTimesMissedWhileNoServerRanAreCaughtUpOneRunPerDay() {
        Shop shop = shops.open("arqmiss", 5);
        Rows rows = shop.rows();
        long schedule = shop.call(() -> schedules.create(new ReportSchedules.Definition("daily-sales", "0 3 * * *",
                "Europe/Berlin", Map.of("outletIds", List.of(shop.outlet())), true))).id();
        // the last three nightly due times passed while every server was down
        OffsetDateTime threeDaysAgo = (time(rows.single("select next_run_at from " + rows.schema() + ".report_schedule where id = ?",
                schedule))).minusDays(3);
        rows.update("update " + rows.schema() + ".report_schedule set next_run_at = ? where id = ?", threeDaysAgo, schedule);

        shop.run(() -> scheduler.fire(shop.slug()));

        assertEquals(3L, rows.count("report_run", "schedule_id = ?", schedule));
        assertEquals(3L, rows.count("report_run", "schedule_id = ? and started_by = ?", schedule, "schedule:" + schedule));
        assertEquals(3L, ((Number) rows.single("select count(distinct business_from) from " + rows.schema() + ".report_run where schedule_id = ?",
                schedule)).longValue());
        OffsetDateTime next = time(rows.single("select next_run_at from " + rows.schema() + ".report_schedule where id = ?",
                schedule));
        assertTrue(next.isAfter(OffsetDateTime.now(ZoneOffset.UTC)), "caught up: " + next);
        // launched as the system, with no caller on the timer's thread, and completed
        Await.until("the three runs completed", RUN, () -> rows.count("report_run", "schedule_id = ? and status = "
                + "'COMPLETED'", schedule) == 3);
        // by the server's batch identity, whose run-as binding the server gives the EAR
        assertEquals(3L, ((Number) rows.single("select count(*) from rms_batch.jobinstance where submitter = 'rms-batch'"
                + " and jobinstanceid in (select instance_id from " + rows.schema() + ".report_run where schedule_id = ?)",
                schedule)).longValue());
    }

    /** Only the server's batch identity has Liberty's batch roles: a call past RMS's own checks is refused. */
    @Test
    void theBatchRuntimeRefusesEveryoneButTheBatchIdentity() {
        JobOperator operator = BatchRuntime.getJobOperator();
        assertThrows(JobSecurityException.class, () -> operator.start("daily-sales", new Properties()));
        assertThrows(JobSecurityException.class, operator::getJobNames);
        assertDoesNotThrow(batch::jobNames, "the batch identity may read the repository");
    }

    @Test
    void theNextFiringRunsAStaleReportAgainOnce() {
        Shop shop = shops.open("arqstale", 5);
        Rows rows = shop.rows();
        String runs = rows.schema() + ".report_run";
        long schedule = shop.call(() -> schedules.create(new ReportSchedules.Definition("daily-sales", "0 3 * * *",
                "Europe/Berlin", Map.of("outletIds", List.of(shop.outlet())), true))).id();
        String due = "update " + rows.schema() + ".report_schedule set next_run_at = ? where id = ?";
        rows.update(due, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), schedule);
        shop.run(() -> scheduler.fire(shop.slug()));
        long first = ((Number) rows.single("select id from " + runs + " where schedule_id = ?", schedule)).longValue();
        Await.until("the nightly run completed", RUN, () -> "COMPLETED".equals(status(shop, this.runs, first)));
        // a refund landed on the reported day (ReportsIT over HTTP shows the consumer marking it)
        rows.update("update " + runs + " set stale = true where id = ?", first);

        rows.update(due, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), schedule);
        shop.run(() -> scheduler.fire(shop.slug()));
        assertEquals(3L, rows.count("report_run", "schedule_id = ?", schedule), "the next night's run and the re-run");
        long rerun = ((Number) rows.single("select superseded_by from " + runs + " where id = ?", first)).longValue();
        assertEquals(rows.single("select business_from from " + runs + " where id = ?", first),
                rows.single("select business_from from " + runs + " where id = ?", rerun));
        assertEquals(rows.single("select outlet_ids from " + runs + " where id = ?", first),
                rows.single("select outlet_ids from " + runs + " where id = ?", rerun));
        Await.until("the re-run completed and is not stale", RUN, () -> "COMPLETED".equals(status(shop, this.runs, rerun)));
        assertEquals(Boolean.FALSE, rows.single("select stale from " + runs + " where id = ?", rerun));

        // a stale run is re-run once: the following firing only makes its own night's run
        rows.update(due, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1), schedule);
        shop.run(() -> scheduler.fire(shop.slug()));
        assertEquals(4L, rows.count("report_run", "schedule_id = ?", schedule));
    }
}
