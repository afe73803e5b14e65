package com.rms.analytics.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rms.analytics.reports.ReportJob;
import com.rms.analytics.reports.ReportRunView;
import com.rms.analytics.reports.ReportRuns.JobView;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReportParametersTest {

    private static final JobView DAILY_SALES = job(ReportJob.DAILY_SALES);
    private static final JobView VALUATION = job(ReportJob.INVENTORY_VALUATION);
    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    private static JobView job(ReportJob job) {
        return new JobView(job.jobName(), job.description(), job.parameters(), true, null);
    }

    @Test
    void sendsOnlyWhatTheUserGaveAndTheJobTakes() {
        assertEquals(Map.of(), ReportParameters.of(DAILY_SALES, null, null, null, List.of()),
                "blank: the job's defaults, decided by the service");
        assertEquals(Map.of("businessDate", "2026-12-06", "outletIds", List.of(3L, 5L)),
                ReportParameters.of(DAILY_SALES, DAY, null, null, List.of(3L, 5L)));
        Map<String, Object> range = new LinkedHashMap<>();
        range.put("from", "2026-12-01");
        range.put("to", "2026-12-06");
        assertEquals(range, ReportParameters.of(DAILY_SALES, null, DAY.minusDays(5), DAY, null));
        // the valuation takes no dates: a date left in the form is not sent
        assertEquals(Map.of("outletIds", List.of(7L)), ReportParameters.of(VALUATION, DAY, DAY, DAY, List.of(7L)));
        // both a day and a range go to the service, which says which field is wrong
        assertEquals(Map.of("businessDate", "2026-12-06", "from", "2026-12-06"),
                ReportParameters.of(DAILY_SALES, DAY, DAY, null, null));
    }

    @Test
    void knowsWhichParametersAJobTakes() {
        assertTrue(ReportParameters.takes(DAILY_SALES, "businessDate"));
        assertFalse(ReportParameters.takes(VALUATION, "from"));
        assertFalse(ReportParameters.takes(null, "from"));
    }

    @Test
    void summarisesDaysAndOutletsByName() {
        JsonObject day = Json.createObjectBuilder().add("from", "2026-12-06").add("to", "2026-12-06")
                .add("outletIds", Json.createArrayBuilder().add(3).add(5)).build();
        assertEquals("2026-12-06 \u00b7 Diner, outlet 5",
                ReportParameters.summary(day, id -> id == 3 ? "Diner" : "outlet " + id));
        JsonObject range = Json.createObjectBuilder().add("from", "2026-12-01").add("to", "2026-12-06")
                .add("outletIds", Json.createArrayBuilder().add(1).add(2).add(3).add(4)).build();
        assertEquals("2026-12-01 \u2013 2026-12-06 \u00b7 4 outlets", ReportParameters.summary(range, id -> "x"));
        assertEquals("every outlet", ReportParameters.summary(Json.createObjectBuilder().build(), id -> "x"));
        assertEquals("every outlet", ReportParameters.summary(null, id -> "x"));
    }

    @Test
    void readsAndWritesAScheduleOutlets() {
        JsonObject parameters = Json.createObjectBuilder().add("outletIds", Json.createArrayBuilder().add(4).add(9)).build();
        assertEquals(List.of(4L, 9L), ReportParameters.outletIds(parameters));
        assertEquals(List.of(), ReportParameters.outletIds(Json.createObjectBuilder().build()));
        assertEquals(Map.of("outletIds", List.of(4L, 9L)), ReportParameters.outlets(List.of(4L, 9L)));
        assertEquals(Map.of(), ReportParameters.outlets(List.of()));
        assertEquals(Map.of(), ReportParameters.outlets(null));
    }

    @Test
    void progressIsThePartitionsDone() {
        assertEquals(0, ReportParameters.percent(run("STARTED", 0, 0)), "nothing planned yet");
        assertEquals(50, ReportParameters.percent(run("STARTED", 4, 2)));
        assertEquals(33, ReportParameters.percent(run("FAILED", 3, 1)));
        assertEquals(100, ReportParameters.percent(run("COMPLETED", 0, 0)), "a completed run is done");
    }

    @Test
    void placesAFieldErrorAtItsInput() {
        List<String> inputs = List.of("businessDate", "from", "to", "outletIds");
        assertEquals("runForm:from", ReportParameters.clientId("runForm", "parameters.from", inputs));
        assertEquals("runForm:outletIds", ReportParameters.clientId("runForm", "parameters.outletIds", inputs));
        assertNull(ReportParameters.clientId("runForm", "job", inputs), "no such input: a message at the top");
        assertEquals("scheduleForm:cron", ReportParameters.clientId("scheduleForm", "cron", List.of("cron")));
    }

    private static ReportRunView run(String status, int partitions, int done) {
        return new ReportRunView(1, "daily-sales", status, Json.createObjectBuilder().build(), null, null, null, false,
                null, "op", null, new ReportRunView.Progress(partitions, done, 0), List.of(), List.of());
    }
}
