package it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The back office in a real browser: sign-in, outlets with validation, tables. */
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
        browser.type(By.id("login:tenant"), tenant);
        browser.type(By.id("login:username"), user);
        browser.type(By.id("login:password"), password);
        browser.find(By.id("login:signIn")).click();
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
    void theOwnerCreatesAnOutletFixingAValidationErrorAndAddsATable() {
        browser.open("/admin/");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        signIn("demo", "owner", "owner-demo");

        // back on the page that asked for the sign-in, with the demo outlets and the signed-in user
        browser.until(d -> browser.pageHas("Bistro Mitte"));
        assertTrue(browser.pageHas("Bistro Hafen"));
        assertTrue(browser.find(By.id("signedInUser")).getText().contains("Olivia Owner"));

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

        // signing out ends the session: the back office asks for a sign-in again
        browser.find(By.id("nav:logout")).click();
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
    }

    private List<String> outletNames() {
        return browser.driver.findElements(By.cssSelector("span.outlet-name")).stream().map(WebElement::getText).toList();
    }
}
