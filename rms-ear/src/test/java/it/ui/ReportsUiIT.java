package it.ui;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;

/**
 * The batch operators' console in a real browser (issue 11): an operator of a fresh chain (working
 * at no outlet, as the demo's) runs daily-sales for the day of a sale from the Run-now dialog,
 * watches the runs table reach COMPLETED without reloading, opens the run and downloads its CSV,
 * whose totals are the sale's; schedules are created (a too frequent cron refused at the field),
 * disabled, edited and deleted; a labour run shows why it failed; another chain's run is not found.
 */
class ReportsUiIT {

    private static final String OPERATOR = "nightly";
    private static final String PASSWORD = "nightly-operator-pw";
    private static final String HEADER = "outletId,section,key,orders,quantity,net,tax,gross";

    static Shop shop;
    static String today;
    static BigDecimal gross;
    static BigDecimal tax;

    private Browser browser;

    @BeforeAll
    static void aChainWithASaleAndAnOperator() {
        Api.awaitReady();
        shop = Shop.open("reportsui");
        today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        shop.openDrawer(new BigDecimal("100.00"));
        Reply priced = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(2)));
        assertEquals(201, priced.status(), priced::toString);
        long order = priced.json().getJsonNumber("id").longValue();
        BigDecimal total = priced.json().getJsonNumber("total").bigDecimalValue();
        Reply paid = shop.pay(order, obj("method", "CASH", "amount", total, "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject completed = shop.tenant.call("/api/v1/orders/" + order).get().json();
        gross = completed.getJsonNumber("total").bigDecimalValue();
        tax = completed.getJsonNumber("taxTotal").bigDecimalValue();
        assertTrue(eventually(60, () -> salesOrders() == 1), "the analytics consumer recorded the sale");
        // a batch operator working at no outlet, as the demo's: reports cover the whole chain all the same
        Reply staff = shop.tenant.call("/api/v1/staff").post(obj("username", OPERATOR, "displayName", "Nina Nightly",
                "roles", List.of("BATCH_OPERATOR"), "outletIds", List.of(), "password", PASSWORD, "active", true));
        assertEquals(201, staff.status(), staff::toString);
    }

    private static int salesOrders() {
        Reply r = shop.tenant.call("/api/v1/analytics/sales?from=" + today + "&to=" + today + "&outletId=" + shop.outlet
                + "&groupBy=day").get();
        return r.json().getJsonArray("items").isEmpty() ? 0 : r.json().getJsonArray("items").getJsonObject(0).getInt("orders");
    }

    @BeforeEach
    void start() throws IOException {
        browser = Browser.startDownloading();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signInAt(String page) {
        browser.open(page);
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.adminSignIn(shop.tenant.slug(), OPERATOR, PASSWORD);
        browser.until(d -> browser.find(By.id("signedInUser")).getText().contains("Nina Nightly"));
        if (!browser.path().startsWith(page)) {
            browser.open(page);
        }
        browser.until(d -> browser.path().startsWith(page));
    }

    @Test
    void anOperatorRunsDailySalesWatchesItFinishAndDownloadsTheCsv() throws Exception {
        // an operator works at no outlet and still reads every outlet's day, as the dashboard API lets them
        signInAt("/admin/dashboard.xhtml");
        browser.until(d -> browser.find(By.id("dashboardTitle")).getText().contains("Diner"));
        browser.open("/admin/reports.xhtml");
        // a job not built yet says why and cannot be run
        WebElement labour = jobRow("labour");
        assertTrue(labour.getText().contains("labour needs time clock data"), labour.getText());
        assertFalse(labour.findElement(By.xpath(".//button[contains(@id,'runNow')]")).isEnabled());

        jobRow("daily-sales").findElement(By.xpath(".//button[contains(@id,'runNow')]")).click();
        browser.until(d -> d.findElement(By.id("runForm:businessDate_input")).isDisplayed());
        assertEquals("daily-sales", browser.find(By.id("runJobName")).getText());
        // the outlets offered are the chain's, though the operator works at none
        assertTrue(String.valueOf(browser.driver.executeScript(
                "var p = document.getElementById('runForm:outletIds_panel'); return p ? p.textContent : '';"))
                .contains("Diner"));
        browser.type(By.id("runForm:businessDate_input"), today);
        browser.driver.executeScript("window.rmsNotReloaded = true;");
        browser.find(By.id("runForm:start")).click();

        String started = browser.until(d -> {
            String text = d.findElement(By.id("globalMessages")).getText();
            return text.contains("started") ? text : null;
        });
        Matcher id = Pattern.compile("Run (\\d+) of daily-sales started").matcher(started);
        assertTrue(id.find(), started);
        long run = Long.parseLong(id.group(1));
        browser.until(d -> !d.findElement(By.id("runDialog")).isDisplayed());

        // the table follows the run without a reload until it completed: all of its one outlet done
        WebElement row = runRow(run);
        assertTrue(row.findElement(By.className("run-parameters")).getText().contains(today + " \u00b7 Diner"),
                row.getText());
        waitUntil(90, () -> "COMPLETED".equals(runRow(run).findElement(By.className("run-status")).getText()));
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.rmsNotReloaded === true;"),
                "the page was updated in place, not reloaded");
        row = runRow(run);
        assertEquals("1/1 outlets", row.findElement(By.className("run-partitions")).getText());
        assertEquals("100%", row.findElement(By.cssSelector(".run-progress .ui-progressbar-label")).getText());
        assertTrue(row.findElement(By.className("run-by")).getText().contains(OPERATOR), row.getText());
        assertNotEquals("\u2013", row.findElement(By.className("run-ended")).getText());
        browser.driver.executeScript("document.getElementById('runsForm').scrollIntoView(false);");
        browser.snapshot("reports-console");
        String screenshots = System.getProperty("rms.screenshots.dir");
        if (screenshots != null && !screenshots.isBlank()) {
            Path dir = Files.createDirectories(Path.of(screenshots));
            Files.write(dir.resolve("operator-console.png"), browser.driver.getScreenshotAs(OutputType.BYTES));
        }

        // the run's own page: its one outlet partition done, and the outputs to download
        row.findElement(By.className("run-link")).click();
        browser.until(d -> browser.path().startsWith("/admin/report-run.xhtml"));
        assertEquals("COMPLETED", browser.until(d -> d.findElement(By.id("runForm:status"))).getText());
        assertEquals("Diner", browser.find(By.className("partition-outlet")).getText());
        assertEquals("COMPLETED", browser.find(By.className("partition-status")).getText());
        assertEquals("100%", browser.find(By.cssSelector(".partition-progress .ui-progressbar-label")).getText());
        assertEquals("1 / 1", browser.find(By.id("runForm:partitionsDone")).getText());
        assertTrue(browser.driver.findElements(By.id("runForm:stop")).isEmpty(), "a finished run cannot be stopped");
        assertTrue(browser.driver.findElements(By.id("runForm:restart")).isEmpty(), "nor restarted");
        assertTrue(browser.find(By.id("runForm:json")).isDisplayed());
        assertTrue(browser.find(By.id("runForm:pdf")).isDisplayed());
        browser.snapshot("report-run");

        browser.find(By.id("runForm:csv")).click();
        Path csv = browser.downloads.resolve("report-" + run + ".csv");
        waitUntil(30, () -> Files.exists(csv) && !Files.exists(browser.downloads.resolve("report-" + run + ".csv.crdownload")));
        Map<String, Map<String, String>> rows = csvRows(Files.readString(csv, StandardCharsets.UTF_8));
        Map<String, String> sales = rows.get("total/sales");
        assertEquals(String.valueOf(shop.outlet), sales.get("outletId"));
        assertEquals("1", sales.get("orders"));
        assertEquals(0, gross.compareTo(new BigDecimal(sales.get("gross"))), sales::toString);
        assertEquals(0, tax.compareTo(new BigDecimal(sales.get("tax"))), sales::toString);
        assertEquals(0, gross.subtract(tax).compareTo(new BigDecimal(sales.get("net"))), sales::toString);
        assertEquals("2", rows.get("item/Lemonade (LEMONADE)").get("quantity"));

        // another chain's run, by its id: not found here, nothing of it shown
        Api.TestTenant other = Api.newTenant("reportsuib");
        Api.createOutlet(other, "Elsewhere");
        Reply theirs = other.call("/api/v1/reports/runs").post(obj("job", "inventory-valuation", "parameters", obj()));
        assertEquals(202, theirs.status(), theirs::toString);
        browser.open("/admin/report-run.xhtml?id=" + theirs.json().getJsonNumber("id").longValue());
        browser.until(d -> browser.pageHas("There is no such report run."));
        assertTrue(browser.driver.findElements(By.id("runForm:status")).isEmpty());
        assertFalse(browser.pageHas("inventory-valuation"));
        assertFalse(browser.pageHas("Elsewhere"));
    }

    @Test
    void anOperatorSchedulesAReportFixingATooFrequentCronThenDisablesEditsAndDeletesIt() {
        signInAt("/admin/report-schedules.xhtml");
        browser.until(d -> browser.pageHas("No report schedules yet."));
        browser.find(By.id("newForm:newSchedule")).click();
        browser.until(d -> d.findElement(By.id("scheduleForm:cron")).isDisplayed());
        browser.type(By.id("scheduleForm:cron"), "*/2 * * * *");
        browser.find(By.id("scheduleForm:save")).click();

        // the service's refusal is shown next to the cron, and nothing was created
        WebElement cronMessage = browser.until(d -> {
            WebElement m = d.findElement(By.id("scheduleForm:cron"))
                    .findElement(By.xpath("./following::*[contains(@class,'ui-message')][1]"));
            return m.getText().contains("every 5 minutes") ? m : null;
        });
        assertTrue(cronMessage.getAttribute("id").startsWith("scheduleForm:"), cronMessage.getAttribute("id"));
        assertTrue(browser.find(By.id("scheduleDialog")).isDisplayed(), "the dialog stays open");
        assertEquals(0, schedules().size());
        browser.snapshot("report-schedule-invalid");

        browser.type(By.id("scheduleForm:cron"), "30 3 * * *");
        browser.find(By.id("scheduleForm:save")).click();
        browser.until(d -> !d.findElement(By.id("scheduleDialog")).isDisplayed());
        WebElement row = scheduleRow();
        assertEquals("30 3 * * *", row.findElement(By.className("schedule-cron")).getText());
        assertEquals("daily-sales", row.findElement(By.className("schedule-job")).getText());
        assertEquals("Europe/Berlin", row.findElement(By.className("schedule-zone")).getText(), "the chain's zone");
        assertEquals("Enabled", row.findElement(By.className("schedule-enabled")).getText());
        assertTrue(row.findElement(By.className("schedule-next")).getText().endsWith("03:30:00"), row.getText());
        JsonObject created = schedules().get(0);
        assertTrue(created.getBoolean("enabled"));
        browser.snapshot("report-schedules");

        // disabled in place: no next run
        row.findElement(By.xpath(".//button[contains(@id,'toggle')]")).click();
        browser.until(d -> "Disabled".equals(scheduleRow().findElement(By.className("schedule-enabled")).getText()));
        assertEquals("\u2013", scheduleRow().findElement(By.className("schedule-next")).getText());
        assertFalse(schedules().get(0).getBoolean("enabled"));
        assertEquals("30 3 * * *", schedules().get(0).getString("cron"), "the rest of it kept");

        // edited in the dialog, which shows what the schedule is
        scheduleRow().findElement(By.xpath(".//button[contains(@id,'edit')]")).click();
        browser.until(d -> d.findElement(By.id("scheduleForm:cron")).isDisplayed()
                && "30 3 * * *".equals(d.findElement(By.id("scheduleForm:cron")).getAttribute("value")));
        browser.type(By.id("scheduleForm:cron"), "45 4 * * 1");
        browser.find(By.id("scheduleForm:save")).click();
        browser.until(d -> "45 4 * * 1".equals(scheduleRow().findElement(By.className("schedule-cron")).getText()));
        assertEquals(created.getJsonNumber("id").longValue(), schedules().get(0).getJsonNumber("id").longValue());

        // deleted after a confirmation
        scheduleRow().findElement(By.xpath(".//button[contains(@id,'delete')]")).click();
        browser.until(d -> {
            WebElement yes = d.findElement(By.id("schedulesForm:confirmYes"));
            return yes.isDisplayed() ? yes : null;
        }).click();
        browser.until(d -> browser.pageHas("No report schedules yet."));
        assertEquals(0, schedules().size());
    }

    @Test
    void aLabourRunShowsWhyItFailedAndOffersNoRestart() {
        Reply started = shop.tenant.call("/api/v1/reports/runs").post(obj("job", "labour", "parameters",
                obj("businessDate", today)));
        assertEquals(202, started.status(), started::toString);
        long run = started.json().getJsonNumber("id").longValue();
        assertTrue(eventually(90, () -> "FAILED".equals(shop.tenant.call("/api/v1/reports/runs/" + run).get().json()
                .getString("status"))), "the labour run failed");

        signInAt("/admin/reports.xhtml");
        WebElement row = runRow(run);
        assertEquals("FAILED", row.findElement(By.className("run-status")).getText());
        assertTrue(row.findElement(By.className("run-failure")).getText().contains("labour needs time clock data"),
                row.getText());

        row.findElement(By.className("run-link")).click();
        browser.until(d -> browser.path().startsWith("/admin/report-run.xhtml"));
        assertEquals("FAILED", browser.until(d -> d.findElement(By.id("runForm:status"))).getText());
        String reason = browser.find(By.id("runForm:failure")).getText();
        assertTrue(reason.contains("Why it failed") && reason.contains("labour needs time clock data"), reason);
        assertTrue(browser.driver.findElements(By.id("runForm:csv")).isEmpty(), "a failed run has nothing to download");
        // a failed run is restarted from here, but not one of a job that cannot produce a result
        assertTrue(browser.driver.findElements(By.id("runForm:restart")).isEmpty(), "no restart of labour");
        browser.snapshot("report-run-failed");
    }

    private WebElement jobRow(String job) {
        return browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[contains(@class,'job-name') and text()='" + job + "']]")));
    }

    private WebElement runRow(long id) {
        return browser.until(d -> d.findElement(By.xpath(
                "//tr[.//a[contains(@class,'run-link') and text()='" + id + "']]")));
    }

    private WebElement scheduleRow() {
        return browser.until(d -> d.findElement(By.xpath("//tr[.//code[contains(@class,'schedule-cron')]]")));
    }

    private static List<JsonObject> schedules() {
        Reply r = shop.tenant.call("/api/v1/reports/schedules").get();
        assertEquals(200, r.status(), r::toString);
        return r.items();
    }

    /** The CSV's rows by "section/key", each its cells by column. */
    private static Map<String, Map<String, String>> csvRows(String csv) {
        String[] lines = csv.split("\r\n");
        assertEquals(HEADER, lines[0]);
        String[] columns = HEADER.split(",");
        Map<String, Map<String, String>> rows = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < columns.length && c < cells.length; c++) {
                row.put(columns[c], cells[c]);
            }
            rows.put(cells[1] + "/" + cells[2], row);
        }
        return rows;
    }

    /** Waits up to {@code seconds} for {@code check}, re-reading a page that changed under it. */
    private void waitUntil(long seconds, BooleanSupplier check) {
        boolean held = eventually(seconds, () -> {
            try {
                return check.getAsBoolean();
            } catch (RuntimeException | AssertionError changing) {
                return false; // an element replaced by an update while it was read: read again
            }
        });
        if (!held) {
            throw new AssertionError("timed out after " + seconds + " s on " + browser.driver.getCurrentUrl()
                    + " showing:\n" + browser.find(By.tagName("body")).getText());
        }
    }

    private static boolean eventually(long seconds, BooleanSupplier check) {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (check.getAsBoolean()) {
                return true;
            }
            sleep(300);
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
