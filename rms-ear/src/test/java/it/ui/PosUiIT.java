package it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The POS in a real browser: PIN sign-in at an outlet, the floor, changing a table's state. */
class PosUiIT {

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

    private void chooseOutlet(String tenant, String outlet) {
        browser.open("/pos/");
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
        browser.type(By.id("signIn:tenant"), tenant);
        browser.find(By.id("signIn:continue")).click();
        browser.until(d -> d.findElement(By.cssSelector("button[data-outlet='" + outlet + "']"))).click();
        browser.until(d -> d.findElement(By.id("pinOutlet")).getText().equals(outlet));
    }

    private void keyIn(String pin) {
        for (char digit : pin.toCharArray()) {
            browser.find(By.cssSelector("button.pos-key[data-key='" + digit + "']")).click();
        }
        browser.snapshot("pos-keypad");
        browser.find(By.id("signIn:enter")).click();
    }

    private WebElement tile(String label) {
        return browser.driver.findElement(By.cssSelector("a.pos-tile[data-table='" + label + "']"));
    }

    @Test
    void theFloorNeedsAPinSession() {
        browser.open("/pos/floor.xhtml");
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
    }

    @Test
    void aPinThatIsNotValidAtTheOutletIsRefused() {
        chooseOutlet("demo", "Bistro Hafen");
        keyIn("1111"); // the cashier works only at Bistro Mitte
        browser.until(d -> browser.pageHas("PIN not accepted at Bistro Hafen."));
        assertTrue(browser.path().startsWith("/pos/signin.xhtml"), browser.path());
    }

    @Test
    void theCashierSignsInWithAPinAndChangesATablesState() {
        chooseOutlet("demo", "Bistro Mitte");
        keyIn("9999");
        browser.until(d -> browser.pageHas("PIN not accepted at Bistro Mitte."));
        assertTrue(browser.path().startsWith("/pos/signin.xhtml"), browser.path());

        browser.find(By.cssSelector("button.pos-key[data-key='clear']")).click();
        keyIn("1111");
        browser.until(d -> browser.path().startsWith("/pos/floor.xhtml"));
        assertEquals("Bistro Mitte", browser.find(By.id("outletName")).getText());
        assertTrue(browser.find(By.id("staffName")).getText().contains("Clara Cashier"));

        List<String> labels = browser.driver.findElements(By.cssSelector("a.pos-tile")).stream()
                .map(t -> t.getAttribute("data-table")).toList();
        assertEquals(List.of("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8"), labels);

        String before = tile("T3").getAttribute("data-state");
        String target = "OCCUPIED".equals(before) ? "CLEANING" : "OCCUPIED";
        tile("T3").click();
        browser.until(d -> d.findElement(By.id("selectedTable")).getText().equals("T3"));
        browser.find(By.cssSelector("button.pos-state-btn[data-state='" + target + "']")).click();
        browser.until(d -> target.equals(tile("T3").getAttribute("data-state")));
        assertTrue(browser.pageHas("T3 is now"));
        browser.snapshot("pos-floor");

        // the change is stored, not just drawn: a fresh load of the floor shows it
        browser.open("/pos/floor.xhtml");
        assertEquals(target, browser.until(d -> tile("T3").getAttribute("data-state")));

        browser.find(By.id("floor:signOut")).click();
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
        browser.open("/pos/floor.xhtml");
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
    }
}
