package it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The back office in a real browser: sign-in, the live dashboard, outlets with validation, tables. */
class AdminUiIT {

    private Browser browser;

    @BeforeEach
    void start() throws IOException {
        browser = Browser.start();
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    private void signIn(String tenant, String user, String password) {
        browser.adminSignIn(tenant, user, password);
    }

    @Test
    void aProtectedPageAsksForASignInAndAWrongPasswordStaysThere() {
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));

        signIn("demo", "owner", "not-the-password");

        browser.until(d -> browser.pageHas("Sign-in failed"));
        assertTrue(browser.path().startsWith("/admin/login.xhtml"), browser.path());
        assertFalse(browser.pageHas("Sign out"));
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
    }

    @Test
    void theOwnerCreatesAnOutletFixingAValidationErrorAndAddsATable() throws Exception {
        browser.open("/admin/");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        signIn("demo", "owner", "owner-demo");

        // back on the page that asked for the sign-in, the dashboard: every outlet's day (the owner
        // chose none yet) and the signed-in user
        browser.until(d -> browser.pageHas("Bistro Mitte"));
        assertTrue(browser.pageHas("Bistro Hafen"));
        assertTrue(browser.find(By.id("dashboardTitle")).getText().contains("every outlet"), browser.path());
        assertTrue(browser.find(By.id("signedInUser")).getText().contains("Olivia Owner"));
        // The server's single sign-on cookie reaches the API too, but the API accepts only bearer
        // tokens: a cookie-authenticated (possibly cross-site) request is unauthenticated there.
        HttpResponse<String> api = apiWithBrowserCookies("/api/v1/outlets");
        assertEquals(401, api.statusCode(), api.body());
        assertFalse(api.body().contains("Bistro"), api.body());

        // the outlet list is a menu item away
        browser.find(By.id("nav:menuOutlets")).click();
        browser.until(d -> browser.path().startsWith("/admin/outlets.xhtml"));
        String name = "Bistro Ufer " + System.currentTimeMillis() % 100000;
        browser.find(By.id("newOutlet")).click();
        browser.until(d -> d.findElement(By.id("outletForm:name")));
        browser.type(By.id("outletForm:name"), name);
        browser.type(By.id("outletForm:address"), "Uferweg 3, Berlin");
        browser.type(By.id("outletForm:timezone"), "Mars/Olympus");
        browser.type(By.id("outletForm:currency"), "EUR");
        browser.find(By.id("outletForm:save")).click();

        // the service's field error is shown next to the time zone, and nothing was created
        WebElement zoneMessage = browser.until(d -> {
            WebElement m = d.findElement(By.id("outletForm:timezone")).findElement(
                    By.xpath("./following::*[contains(@class,'ui-message')][1]"));
            return m.getText().contains("IANA time zone") ? m : null;
        });
        assertTrue(zoneMessage.getAttribute("id").startsWith("outletForm:"), zoneMessage.getAttribute("id"));
        assertTrue(browser.path().startsWith("/admin/outlet.xhtml"), browser.path());
        browser.snapshot("admin-outlet-invalid");

        browser.type(By.id("outletForm:timezone"), "Europe/Berlin");
        browser.find(By.id("outletForm:save")).click();
        browser.until(d -> browser.path().startsWith("/admin/outlets.xhtml"));
        browser.until(d -> browser.pageHas("Outlet \u201c" + name + "\u201d saved."));
        assertTrue(outletNames().contains(name), outletNames().toString());
        browser.snapshot("admin-outlets");

        // a second outlet of the same name is a conflict, shown at the name
        browser.find(By.id("newOutlet")).click();
        browser.type(By.id("outletForm:name"), name);
        browser.find(By.id("outletForm:save")).click();
        browser.until(d -> browser.pageHas("an outlet named") || browser.pageHas("An outlet named"));
        assertTrue(browser.path().startsWith("/admin/outlet.xhtml"), browser.path());

        // the new outlet's floor is empty; add a table, see it listed
        browser.open("/admin/outlets.xhtml");
        WebElement row = browser.until(d -> d.findElement(By.xpath(
                "//tr[.//span[@class='outlet-name' and text()='" + name + "']]")));
        row.findElement(By.xpath(".//a[.//span[text()='Tables']]")).click();
        browser.until(d -> d.findElement(By.id("tablesTitle")).getText().contains(name));
        assertTrue(browser.pageHas("This outlet has no tables yet."));
        browser.find(By.id("addTable")).click();
        browser.type(By.id("tableForm:label"), "U1");
        browser.type(By.id("tableForm:seats_input"), "6");
        browser.type(By.id("tableForm:area"), "Riverside");
        browser.find(By.id("tableForm:save")).click();
        browser.until(d -> browser.path().startsWith("/admin/tables.xhtml"));
        browser.until(d -> browser.pageHas("Table \u201cU1\u201d saved."));
        List<String> labels = browser.driver.findElements(By.cssSelector("span.table-label")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("U1"), labels);
        List<String> cells = browser.driver.findElements(By.cssSelector("[id='tablesForm:tables'] tbody tr td")).stream()
                .map(WebElement::getText).toList();
        assertEquals(List.of("U1", "6", "Riverside", "FREE"), cells.subList(0, 4));
        browser.snapshot("admin-tables");

        // the outlet switcher takes the owner to another outlet's tables
        browser.find(By.id("nav:outletSwitcher")).click();
        browser.until(d -> d.findElement(By.cssSelector("li.ui-selectonemenu-item[data-label='Bistro Hafen']"))).click();
        browser.until(d -> d.findElement(By.id("tablesTitle")).getText().contains("Bistro Hafen"));
        assertEquals(List.of("H1", "H2", "H3", "H4", "H5", "H6"), browser.driver
                .findElements(By.cssSelector("span.table-label")).stream().map(WebElement::getText).toList());

        // signing out ends the session: the back office asks for a sign-in again
        browser.find(By.id("nav:logout")).click();
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
    }

    @Test
    void aCashierMayNotUseTheBackOffice() {
        browser.open("/admin/outlets.xhtml");
        signIn("demo", "cashier", "cashier-demo");
        browser.until(d -> browser.pageHas("Sign-in failed"));
        assertTrue(browser.path().startsWith("/admin/login.xhtml"), browser.path());
    }

    @Test
    void aBatchOperatorSeesTheOutletsButNoActionsAndIsRefusedTheEditPages() throws Exception {
        String user = "batch" + System.currentTimeMillis() % 1000000;
        createStaff(user, "Bea Batch", "BATCH_OPERATOR", "batch-demo-pw");

        browser.open("/admin/outlets.xhtml");
        signIn("demo", user, "batch-demo-pw");
        browser.until(d -> browser.pageHas("Bistro Mitte"));
        assertTrue(browser.find(By.id("signedInUser")).getText().contains("Bea Batch"));
        assertTrue(browser.driver.findElements(By.id("newOutlet")).isEmpty(), "no 'New outlet' for a batch operator");
        assertTrue(browser.driver.findElements(By.id("nav:menuTables")).isEmpty(), "no Tables menu for a batch operator");
        assertFalse(browser.pageHas("Edit"));

        browser.open("/admin/outlet.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
        assertTrue(browser.driver.findElements(By.id("outletForm:save")).isEmpty());
        browser.open("/admin/tables.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
    }

    @Test
    void theOwnerSeesTheChainsFailedSideEffectsAndAManagerIsRefusedThem() {
        browser.open("/admin/outlets.xhtml");
        signIn("demo", "owner", "owner-demo");
        browser.until(d -> browser.pageHas("Bistro Mitte"));
        browser.find(By.id("nav:menuFailed")).click();
        browser.until(d -> browser.path().startsWith("/admin/exception-messages.xhtml"));
        browser.until(d -> browser.pageHas("Failed side effects"));
        // the demo chain's sales all went through: nothing to re-drive
        assertTrue(browser.pageHas("Nothing failed: every side effect of your orders was applied."));
        assertFalse(browser.find(By.id("failedForm:redriveAll")).isEnabled(), "nothing to re-drive");
        browser.snapshot("admin-failed-side-effects");
        browser.find(By.id("nav:logout")).click();
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));

        signIn("demo", "manager", "manager-demo");
        browser.until(d -> browser.pageHas("Bistro Mitte"));
        assertTrue(browser.driver.findElements(By.id("nav:menuFailed")).isEmpty(), "no such menu for a manager");
        browser.open("/admin/exception-messages.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
        assertFalse(browser.pageHas("Re-drive"));
    }

    /** An API call that carries only the browser's cookies (as a forged cross-site request would). */
    private HttpResponse<String> apiWithBrowserCookies(String path) throws Exception {
        String cookies = browser.driver.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(java.util.stream.Collectors.joining("; "));
        assertFalse(cookies.isEmpty(), "the signed-in browser has cookies");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(browser.baseUrl + path))
                .header("X-Tenant-ID", "demo").header("Cookie", cookies).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Creates a staff account through the public API as the demo owner. */
    private void createStaff(String username, String displayName, String role, String password) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"tenant\":\"demo\",\"username\":\"owner\",\"password\":\"owner-demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        String accessToken = Json.createReader(new StringReader(token.body())).readObject().getString("access_token");
        // the demo's outlets: a batch operator without outlets sees none (having none never means all)
        HttpResponse<String> outlets = http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl + "/api/v1/outlets"))
                .header("X-Tenant-ID", "demo").header("Authorization", "Bearer " + accessToken).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        var outletIds = Json.createArrayBuilder();
        Json.createReader(new StringReader(outlets.body())).readObject().getJsonArray("items")
                .forEach(o -> outletIds.add(o.asJsonObject().getJsonNumber("id").longValue()));
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(browser.baseUrl + "/api/v1/staff"))
                .header("Content-Type", "application/json").header("X-Tenant-ID", "demo")
                .header("Authorization", "Bearer " + accessToken)
                .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                        .add("username", username).add("displayName", displayName)
                        .add("roles", Json.createArrayBuilder().add(role)).add("outletIds", outletIds)
                        .add("password", password)
                        .add("active", true).build().toString())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
    }

    private List<String> outletNames() {
        return browser.driver.findElements(By.cssSelector("span.outlet-name")).stream().map(WebElement::getText).toList();
    }

    private String text(String id) {
        return browser.find(By.id(id)).getText();
    }

    /**
     * The back office lands on the live dashboard: an owner signs in, sees the outlet's day, and a
     * sale completed through the API shows up on the open page without a reload (the page's socket
     * hears the analytics consumer's {@code sales.updated} and re-renders the figures).
     */
    @Test
    void theDashboardIsTheLandingPageAndASaleShowsUpWithoutAReload() {
        Shop shop = Shop.open("dashui");
        shop.openDrawer(new BigDecimal("50.00"));

        browser.open("/admin/login.xhtml");
        browser.adminSignIn(shop.tenant.slug(), "boss", "boss-password");

        // the chain's only outlet, today, with the socket connected
        browser.until(d -> browser.path().startsWith("/admin/dashboard.xhtml"));
        browser.until(d -> text("dashboardTitle").contains("Diner"));
        browser.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-live")));
        assertEquals("0", text("dash:dashOrders"));
        assertEquals("0.00", text("dash:dashNet"));
        assertTrue(browser.pageHas("Nothing sold yet today."));
        browser.driver.executeScript("window.rmsNotReloaded = true;");

        JsonObject placed = shop.sellForCash(shop.burgerLine(1, shop.wellDone));
        BigDecimal total = placed.getJsonNumber("total").bigDecimalValue();
        String net = total.subtract(placed.getJsonNumber("taxTotal").bigDecimalValue()).toPlainString();

        browser.until(d -> "1".equals(text("dash:dashOrders")));
        browser.until(d -> net.equals(text("dash:dashNet")));
        browser.until(d -> browser.pageHas("Burger"));
        assertEquals(Boolean.TRUE, browser.driver.executeScript("return window.rmsNotReloaded === true;"),
                "the figures changed on the open page, not by loading it again");
        assertEquals(1, browser.driver.findElements(By.cssSelector("[id='dash:byHour'] canvas")).size(),
                "the hourly chart is drawn");
        browser.snapshot("admin-dashboard");

        // the outlet list stays a click away
        browser.find(By.id("nav:menuOutlets")).click();
        browser.until(d -> browser.path().startsWith("/admin/outlets.xhtml"));
        assertTrue(browser.pageHas("Diner"));
    }
}
