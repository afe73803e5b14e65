package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The report-run calls the report ITs make: start a run, wait for its end, read its output and CSV rows. */
final class ReportRunCalls {

    private ReportRunCalls() {
    }

    static Reply start(String token, String tenant, String job, JsonObject parameters) {
        return Api.at("/api/v1/reports/runs").token(token).tenant(tenant).post(obj("job", job, "parameters", parameters));
    }

    /** The run once it has COMPLETED, FAILED or STOPPED (90 s at most). */
    static JsonObject finished(TestTenant tenant, long id) {
        long deadline = System.currentTimeMillis() + 90_000;
        JsonObject run;
        do {
            Reply r = tenant.call("/api/v1/reports/runs/" + id).get();
            assertEquals(200, r.status(), r::toString);
            run = r.json();
            if (List.of("COMPLETED", "FAILED", "STOPPED").contains(run.getString("status"))) {
                return run;
            }
            sleep(300);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("run " + id + " did not finish: " + run);
    }

    static Reply output(TestTenant tenant, long id, String accept) {
        return tenant.call("/api/v1/reports/runs/" + id + "/output").header("Accept", accept).get();
    }

    /** The CSV's rows by "section/key", each its cells by column; the header must be {@code header}. */
    static Map<String, Map<String, String>> csvRows(String header, String csv) {
        String[] lines = csv.split("\r\n");
        assertEquals(header, lines[0]);
        String[] columns = lines[0].split(",");
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            assertEquals(columns.length, cells.length, lines[i]);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < columns.length; c++) {
                row.put(columns[c], cells[c]);
            }
            rows.put(cells[1] + "/" + cells[2], row);
        }
        return rows;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
