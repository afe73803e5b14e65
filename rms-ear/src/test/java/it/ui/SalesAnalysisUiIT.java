package it.ui;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.Shop;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

/**
 * The back office's sales analysis in a real browser: a manager groups the day's sales by item and
 * by hour, downloads them as CSV, is told off for a range that ends before it starts; another
 * tenant's staff see none of it, not even by naming the outlet in the address.
 */
class SalesAnalysisUiIT {

    private Browser browser;

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

    /** A completed sale of one line through the API; its net (total less tax). */
    private static BigDecimal sell(Shop shop, JsonObject line) {
        JsonObject placed = shop.sellForCash(line);
        return placed.getJsonNumber("total").bigDecimalValue().subtract(placed.getJsonNumber("taxTotal").bigDecimalValue());
    }

    @Test
    void aManagerAnalysesTheDaysSalesAndAnotherTenantSeesNoneOfThem() throws Exception {
        Shop shop = Shop.open("salesui");
        shop.openDrawer(new BigDecimal("100.00"));
        BigDecimal burgerNet = sell(shop, shop.burgerLine(2, shop.wellDone));
        BigDecimal lemonadeNet = sell(shop, shop.lemonadeLine(3));
        // the outlet's business day (Europe/Berlin), as the page's "Today" has it
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String yesterday = LocalDate.parse(today).minusDays(1).toString();
        awaitRecorded(shop, today);

        browser.open("/admin/sales.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.adminSignIn(shop.tenant.slug(), "manager", "manager-password");
        // the back office lands on the dashboard; the lead links /sales from the menu, the test goes by address
        browser.until(d -> browser.path().startsWith("/admin/dashboard.xhtml"));
        browser.open("/admin/sales.xhtml");
        // by default: the manager's outlet, today, by day
        browser.until(d -> text("salesTitle").equals("Sales · Diner · " + today + " · by day"));

        // grouped by item, today
        choose("sales:groupBy", "Item");
        browser.until(d -> text("salesTitle").endsWith("by item"));
        browser.find(By.cssSelector(".quick-TODAY")).click();
        browser.until(d -> rows().keySet().containsAll(List.of("Burger", "Lemonade")));
        Map<String, List<String>> byItem = rows();
        assertEquals(2, byItem.size(), byItem.toString());
        assertEquals(List.of("1", "2", burgerNet.toPlainString()), byItem.get("Burger").subList(0, 3));
        assertEquals(List.of("1", "3", lemonadeNet.toPlainString()), byItem.get("Lemonade").subList(0, 3));
        BigDecimal net = burgerNet.add(lemonadeNet);
        assertEquals(net.toPlainString(), browser.find(By.cssSelector(".sales-total-net")).getText());
        assertEquals("5", browser.find(By.cssSelector(".sales-total-quantity")).getText());
        assertTrue(browser.find(By.cssSelector("[id='sales:rows'] thead")).getText().contains("Net (EUR)"));
        assertEquals(1, browser.driver.findElements(By.cssSelector("[id='sales:chart'] canvas")).size(), "the chart is drawn");
        // the address says what is shown: a bookmark opens the same view
        String bookmark = browser.path();
        assertTrue(bookmark.contains("groupBy=item") && bookmark.contains("from=" + today)
                && bookmark.contains("outlet=" + shop.outlet), bookmark);

        // the CSV holds every group and the totals
        browser.find(By.id("export:csv")).click();
        List<String> csv = download("sales-item-" + today + "-" + today + ".csv");
        assertEquals("key,name,orders,quantity,net,tax,gross", csv.get(0));
        assertEquals(4, csv.size(), csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.matches("\\d+,Burger,1,2," + burgerNet.toPlainString().replace(".", "\\.") + ",.*")),
                csv.toString());
        assertTrue(csv.stream().anyMatch(l -> l.matches("\\d+,Lemonade,1,3," + lemonadeNet.toPlainString().replace(".", "\\.") + ",.*")),
                csv.toString());
        assertTrue(csv.get(3).startsWith("total,Total,2,5," + net.toPlainString() + ","), csv.toString());

        // grouped by hour: the same sales, in the hours they were made
        choose("sales:groupBy", "Hour");
        browser.until(d -> text("salesTitle").endsWith("by hour"));
        Map<String, List<String>> byHour = rows();
        assertTrue(byHour.keySet().stream().allMatch(h -> h.matches("\\d\\d:00")), byHour.toString());
        assertEquals(net.toPlainString(), browser.find(By.cssSelector(".sales-total-net")).getText());
        assertEquals(5, byHour.values().stream().mapToInt(r -> Integer.parseInt(r.get(1))).sum(), byHour.toString());
        browser.find(By.id("export:csv")).click();
        List<String> hourly = download("sales-hour-" + today + "-" + today + ".csv");
        assertEquals(byHour.size() + 2, hourly.size(), hourly.toString());
        assertTrue(hourly.get(hourly.size() - 1).startsWith("total,Total,2,5," + net.toPlainString() + ","), hourly.toString());
        // usable at 1024 px: nothing wider than the window once the chart has followed the window's size
        // (and, the layout settled, no click below lands where a scroll bar just went away)
        browser.driver.manage().window().setSize(new Dimension(1024, 800));
        browser.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;")));
        browser.snapshot("admin-sales-by-hour");

        // a range that ends before it starts: the error at the field, what is shown stays. The field's
        // text is set as the form will post it: typed keys raced the date picker's own blur handler on a
        // busy machine (it put its date back, three tries in a row), and the picker is not what is tested
        browser.driver.executeScript("document.getElementById('sales:to_input').value = arguments[0];", yesterday);
        assertEquals(yesterday, browser.find(By.id("sales:to_input")).getAttribute("value"));
        browser.find(By.id("sales:show")).click();
        browser.until(d -> browser.pageHas("Must not be before from"));
        assertTrue(text("salesTitle").endsWith(today + " · by hour"), text("salesTitle"));
        assertEquals(net.toPlainString(), browser.find(By.cssSelector(".sales-total-net")).getText());
        assertFalse(browser.pageHas("Exception"));
        browser.snapshot("admin-sales-bad-range");
        // and by the address: an error, no report
        browser.open("/admin/sales.xhtml?from=" + today + "&to=" + yesterday + "&groupBy=item");
        browser.until(d -> browser.pageHas("Must not be before from"));
        assertTrue(browser.driver.findElements(By.cssSelector(".sales-name")).isEmpty());

        // all outlets together are not a manager's
        browser.open("/admin/sales.xhtml?from=" + today + "&to=" + today + "&groupBy=item&outlet=all");
        browser.until(d -> browser.pageHas("all outlets together are for owners"));
        assertTrue(browser.driver.findElements(By.cssSelector(".sales-name")).isEmpty());

        // the bookmark shows the view again
        browser.open(bookmark);
        browser.until(d -> rows().keySet().containsAll(List.of("Burger", "Lemonade")));
        browser.find(By.id("nav:logout")).click();
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));

        // another tenant: its manager sees none of it, even naming the outlet
        TestTenant other = Api.newTenant("salesother");
        long elsewhere = Api.createOutlet(other, "Elsewhere").getJsonNumber("id").longValue();
        Reply staff = other.call("/api/v1/staff").post(obj("username", "manager", "displayName", "Other Manager",
                "roles", List.of("MANAGER"), "outletIds", List.of(elsewhere), "pin", "3333",
                "password", "manager-password", "active", true));
        assertEquals(201, staff.status(), staff::toString);
        browser.adminSignIn(other.slug(), "manager", "manager-password");
        browser.until(d -> browser.pageHas("Other Manager"));
        assertNoSales("/admin/sales.xhtml?from=" + today + "&to=" + today + "&groupBy=item",
                "Sales · Elsewhere · " + today + " · by item");
        browser.open("/admin/sales.xhtml?from=" + today + "&to=" + today + "&groupBy=item&outlet=" + shop.outlet);
        browser.until(d -> browser.pageHas("There is no such outlet."));
        assertTrue(browser.driver.findElements(By.cssSelector(".sales-name")).isEmpty());
        assertFalse(browser.pageHas("Burger") || browser.pageHas("Lemonade") || browser.pageHas("Diner"));
        browser.find(By.id("nav:logout")).click();
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));

        // nor does its owner looking at all of the chain's outlets
        browser.adminSignIn(other.slug(), "boss", "boss-password");
        browser.until(d -> browser.pageHas("The Boss"));
        assertNoSales("/admin/sales.xhtml?from=" + today + "&to=" + today + "&groupBy=item&outlet=all",
                "Sales · All outlets · " + today + " · by item");
    }

    /** The page at {@code address} is titled {@code title} and shows no sales, none of the test's items. */
    private void assertNoSales(String address, String title) {
        browser.open(address);
        browser.until(d -> text("salesTitle").equals(title));
        assertTrue(browser.pageHas("No sales in this range."));
        assertFalse(browser.pageHas("Burger") || browser.pageHas("Lemonade"));
    }

    /** Waits until the analytics consumer recorded both sales (the API's report shows two items). */
    private static void awaitRecorded(Shop shop, String day) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            Reply report = shop.tenant.call("/api/v1/analytics/sales?groupBy=item&from=" + day + "&to=" + day).get();
            assertEquals(200, report.status(), report::toString);
            if (report.items().size() == 2) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the sales were not recorded: " + report);
            }
            Thread.sleep(300);
        }
    }

    /** Picks {@code label} in a PrimeFaces select menu. */
    private void choose(String id, String label) {
        browser.find(By.id(id)).click();
        browser.until(d -> d.findElement(By.cssSelector("[id='" + id + "_items'] li[data-label='" + label + "']"))).click();
    }

    /** The table's rows by name: orders, quantity, net, tax, gross. */
    private Map<String, List<String>> rows() {
        Map<String, List<String>> rows = new LinkedHashMap<>();
        for (WebElement row : browser.driver.findElements(By.cssSelector("[id='sales:rows'] tbody tr"))) {
            List<WebElement> name = row.findElements(By.cssSelector(".sales-name"));
            if (!name.isEmpty()) {
                rows.put(name.get(0).getText(), Stream.of("orders", "quantity", "net", "tax", "gross")
                        .map(c -> row.findElement(By.cssSelector(".sales-" + c)).getText()).toList());
            }
        }
        return rows;
    }

    /** The lines of a downloaded file, once Chromium has finished writing it. */
    private List<String> download(String name) {
        Path file = browser.downloads.resolve(name);
        browser.until(d -> Files.exists(file) && !Files.exists(browser.downloads.resolve(name + ".crdownload")));
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            Files.delete(file);
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(String id) {
        return browser.find(By.id(id)).getText();
    }
}
