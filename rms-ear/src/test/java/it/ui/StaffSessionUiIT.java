package it.ui;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A web session outlives nothing its account lost (issue 9, "a deactivated staff member's token
 * works until it expires", for the /pos and /admin sessions): once the member is deactivated, the
 * next page they open within 60 s signs them out.
 */
class StaffSessionUiIT {

    static TestTenant t;
    static long outlet;
    private Browser browser;

    @BeforeAll
    static void tenant() {
        t = Api.newTenant("session");
        outlet = Api.createOutlet(t, "Corner").getJsonNumber("id").longValue();
    }

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

    private static long staff(String username, String role, String pin) {
        Reply created = t.call("/api/v1/staff").post(obj("username", username, "displayName", username, "roles", List.of(role),
                "outletIds", List.of(outlet), "pin", pin, "password", username + "-password",
                "hourlyRate", new BigDecimal("12.00"), "active", true));
        assertEquals(201, created.status(), created::toString);
        return created.json().getJsonNumber("id").longValue();
    }

    private static void deactivate(long id, String username, String role) {
        Reply off = t.call("/api/v1/staff/" + id).put(obj("username", username, "displayName", username,
                "roles", List.of(role), "outletIds", List.of(outlet), "active", false));
        assertEquals(200, off.status(), off::toString);
    }

    @Test
    void aDeactivatedCashiersPosSessionEndsWithinSixtySeconds() {
        long id = staff("till", "CASHIER", "4711");
        browser.open("/pos/");
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
        browser.type(By.id("signIn:tenant"), t.slug());
        browser.find(By.id("signIn:continue")).click();
        browser.until(d -> d.findElement(By.cssSelector("button[data-outlet='Corner']"))).click();
        browser.until(d -> d.findElement(By.id("pinOutlet")).getText().equals("Corner"));
        for (char digit : "4711".toCharArray()) {
            browser.find(By.cssSelector("button.pos-key[data-key='" + digit + "']")).click();
        }
        browser.find(By.id("signIn:enter")).click();
        browser.until(d -> browser.path().startsWith("/pos/floor.xhtml"));

        deactivate(id, "till", "CASHIER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            browser.open("/pos/floor.xhtml");
            return browser.path().startsWith("/pos/signin.xhtml");
        });
    }

    @Test
    void aDeactivatedManagersBackOfficeSessionEndsWithinSixtySeconds() {
        long id = staff("office", "MANAGER", null);
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.type(By.id("login:tenant"), t.slug());
        browser.type(By.id("login:username"), "office");
        browser.type(By.id("login:password"), "office-password");
        browser.find(By.id("login:signIn")).click();
        browser.until(d -> browser.pageHas("Corner"));

        deactivate(id, "office", "MANAGER");
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3)).until(() -> {
            browser.open("/admin/outlets.xhtml");
            return browser.path().startsWith("/admin/login.xhtml");
        });
    }
}
