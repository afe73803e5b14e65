package it.ui;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.PartnerSigner;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * The owner's partners screen in a real browser (issue 12): a partner created for an outlet (a bad
 * webhook URL and no outlet refused at the fields first), its secret shown once in a dialog and gone
 * from the page once it is closed, and that secret really signs a partner's request; a rotation
 * shows a new secret, a revocation ends it (the signed call answers 401). A manager has no menu
 * entry and is refused the page; another chain's owner sees none of this chain's partners.
 */
class PartnersUiIT {

    private static final String OWNER = "The Boss";

    static TestTenant chain;
    static long harbour;
    /** A chain of its own for the refusals, so the owner's test starts with no partner. */
    static TestTenant managed;
    static long dock;

    private Browser browser;

    @BeforeAll
    static void aChainWithTwoOutlets() {
        chain = Api.newTenant("partnersui");
        harbour = Api.createOutlet(chain, "Harbour").getJsonNumber("id").longValue();
        Api.createOutlet(chain, "Station");
        managed = Api.newTenant("partnersuim");
        dock = Api.createOutlet(managed, "Dock").getJsonNumber("id").longValue();
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

    private void signIn(String tenant, String user, String password, String displayName) {
        browser.open("/admin/outlets.xhtml");
        browser.until(d -> browser.path().startsWith("/admin/login.xhtml"));
        browser.adminSignIn(tenant, user, password);
        browser.until(d -> browser.find(By.id("signedInUser")).getText().contains(displayName));
    }

    @Test
    void theOwnerCreatesAPartnerSeesItsSecretOnceRotatesAndRevokesIt() {
        signIn(chain.slug(), "boss", "boss-password", OWNER);
        // the owner finds the screen under Integrations
        new Actions(browser.driver).moveToElement(browser.find(
                By.xpath("//a[.//span[normalize-space(text())='Integrations']]"))).perform();
        browser.until(d -> {
            WebElement item = d.findElement(By.id("nav:menuPartners"));
            return item.isDisplayed() ? item : null;
        }).click();
        browser.until(d -> browser.path().startsWith("/admin/partners.xhtml"));
        browser.until(d -> browser.pageHas("No partners yet."));

        // a bad webhook URL and no outlet: the service's refusals at the fields, nothing created
        browser.find(By.id("newForm:newPartner")).click();
        browser.until(d -> d.findElement(By.id("partnerForm:name")).isDisplayed());
        browser.type(By.id("partnerForm:name"), "Quick Eats");
        browser.type(By.id("partnerForm:webhookUrl"), "ftp://quick.example/hooks");
        browser.find(By.id("partnerForm:save")).click();
        assertTrue(browser.messageAt("partnerForm:webhookUrl", "absolute http(s) URL").startsWith("Must be"));
        assertEquals("Must name at least one outlet", browser.messageAt("partnerForm:outletIds", "at least one outlet"));
        assertTrue(browser.find(By.id("partnerDialog")).isDisplayed(), "the dialog stays open");
        assertFalse(browser.find(By.id("secretDialog")).isDisplayed());
        assertEquals(0, partners().size(), "nothing was created");
        browser.snapshot("partners-invalid");

        browser.type(By.id("partnerForm:webhookUrl"), "https://quick.example/hooks/rms");
        tick("partnerForm:outletIds", "Harbour");
        browser.find(By.id("partnerForm:save")).click();

        // the secret, once, with the key id, in a dialog that says so
        Issued first = issued();
        assertTrue(browser.find(By.id("secretDialog")).getText().contains("it will not be shown again"));
        assertFalse(browser.find(By.id("partnerDialog")).isDisplayed());
        JsonObject created = partners().get(0);
        assertEquals(first.keyId(), created.getString("keyId"));
        assertEquals(List.of(harbour), created.getJsonArray("outletIds").getValuesAs(jakarta.json.JsonNumber.class).stream()
                .map(jakarta.json.JsonNumber::longValue).toList());
        assertEquals("https://quick.example/hooks/rms", created.getString("webhookUrl"));
        browser.snapshot("partners-secret");
        done(first);

        WebElement row = partnerRow();
        assertEquals("Quick Eats", row.findElement(By.className("partner-name")).getText());
        assertEquals(first.keyId(), row.findElement(By.className("partner-key")).getText());
        assertEquals("Harbour", row.findElement(By.className("partner-outlets")).getText());
        assertEquals("https://quick.example/hooks/rms", row.findElement(By.className("partner-webhook")).getText());
        assertEquals("Active", row.findElement(By.className("partner-status")).getText());
        assertNotEquals("\u2013", row.findElement(By.className("partner-created")).getText());
        browser.snapshot("partners");
        browser.open("/admin/partners.xhtml");
        browser.until(d -> partnerRow());
        assertFalse(browser.driver.getPageSource().contains(first.secret()), "a page loaded afresh has no secret");

        // the secret shown is the partner's: a request signed with it sees its outlet
        Reply signed = PartnerSigner.outlets(chain.slug(), first.keyId(), first.secret());
        assertEquals(200, signed.status(), signed::toString);
        assertEquals(List.of(harbour), signed.items().stream().map(o -> o.getJsonNumber("id").longValue()).toList());

        // a rotation shows a new secret for the same key id, which works at once
        partnerRow().findElement(By.xpath(".//button[contains(@id,'rotate')]")).click();
        Issued second = issued();
        assertEquals(first.keyId(), second.keyId());
        assertNotEquals(first.secret(), second.secret());
        done(second);
        assertEquals(200, PartnerSigner.outlets(chain.slug(), second.keyId(), second.secret()).status());

        // revoked after a confirmation: every secret of the key stops working at once
        partnerRow().findElement(By.xpath(".//button[contains(@id,'revoke')]")).click();
        browser.until(d -> {
            WebElement yes = d.findElement(By.id("partnersForm:confirmYes"));
            return yes.isDisplayed() ? yes : null;
        }).click();
        browser.until(d -> "Revoked".equals(partnerRow().findElement(By.className("partner-status")).getText()));
        assertTrue(browser.pageHas("Quick Eats revoked"), "the news says what happened");
        assertTrue(partnerRow().findElements(By.xpath(".//button[contains(@id,'rotate')]")).isEmpty(),
                "a revoked key is not rotated");
        assertFalse(partners().get(0).getBoolean("active"));
        assertEquals(401, PartnerSigner.outlets(chain.slug(), second.keyId(), second.secret()).status());
        assertEquals(401, PartnerSigner.outlets(chain.slug(), first.keyId(), first.secret()).status());
    }

    @Test
    void aManagerIsRefusedTheScreenAndAnotherChainsOwnerSeesNoneOfThesePartners() {
        Reply created = managed.call("/api/v1/partners").post(obj("name", "Owner's only", "outletIds", List.of(dock)));
        assertEquals(201, created.status(), created::toString);
        String keyId = created.json().getString("keyId");
        Reply manager = managed.call("/api/v1/staff").post(obj("username", "mgr", "displayName", "Mia Manager", "roles",
                List.of("MANAGER"), "outletIds", List.of(dock), "password", "mgr-password"));
        assertEquals(201, manager.status(), manager::toString);

        signIn(managed.slug(), "mgr", "mgr-password", "Mia Manager");
        assertTrue(browser.driver.findElements(By.id("nav:menuPartners")).isEmpty(), "no Partners entry for a manager");
        assertFalse(browser.driver.getPageSource().contains("Integrations"));
        browser.open("/admin/partners.xhtml");
        browser.until(d -> browser.pageHas("not allowed"));
        assertFalse(browser.driver.getPageSource().contains(keyId));
        assertFalse(browser.pageHas("Owner's only"));
        browser.close();
        browser = null;

        TestTenant other = Api.newTenant("partnersuib");
        Api.createOutlet(other, "Elsewhere");
        try (Browser second = Browser.start()) {
            browser = second;
            signIn(other.slug(), "boss", "boss-password", OWNER);
            browser.open("/admin/partners.xhtml");
            browser.until(d -> browser.pageHas("No partners yet."));
            assertFalse(browser.driver.getPageSource().contains(keyId));
            assertFalse(browser.pageHas("Owner's only"));
        } catch (IOException e) {
            throw new AssertionError(e);
        } finally {
            browser = null;
        }
    }

    /** The key id and secret a dialog shows. */
    record Issued(String keyId, String secret) {
    }

    private Issued issued() {
        browser.until(d -> d.findElement(By.id("secretDialog")).isDisplayed()
                && !d.findElement(By.id("secretForm:secret")).getText().isBlank());
        Issued issued = new Issued(browser.find(By.id("secretForm:keyId")).getText(),
                browser.find(By.id("secretForm:secret")).getText());
        assertTrue(issued.keyId().matches("pk_[0-9a-f]{24}"), issued.keyId());
        assertTrue(issued.secret().startsWith("sk_") && issued.secret().length() >= 40, "a secret was shown");
        return issued;
    }

    /** Closes the secret dialog: the secret is then nowhere in the page. */
    private void done(Issued issued) {
        browser.find(By.id("secretForm:done")).click();
        browser.until(d -> !d.findElement(By.id("secretDialog")).isDisplayed());
        browser.until(d -> d.findElements(By.id("secretForm:secret")).isEmpty());
        assertFalse(browser.driver.getPageSource().contains(issued.secret()), "the closed dialog left no secret behind");
    }

    /** Ticks the option {@code label} of a checkbox menu, then closes its panel. */
    private void tick(String id, String label) {
        browser.until(d -> {
            if (d.findElement(By.id(id)).getText().contains(label)) {
                return true;
            }
            WebElement panel = d.findElement(By.id(id + "_panel"));
            if (!panel.isDisplayed()) {
                d.findElement(By.id(id)).click();
                return false;
            }
            panel.findElement(By.xpath(".//li[.//label[normalize-space(text())='" + label + "']]"))
                    .findElement(By.className("ui-chkbox-box")).click();
            return false;
        });
        browser.find(By.id("partnerForm:name")).click();
        browser.until(d -> !d.findElement(By.id(id + "_panel")).isDisplayed());
    }

    private WebElement partnerRow() {
        return browser.until(d -> d.findElement(By.xpath("//tr[.//span[contains(@class,'partner-name')]]")));
    }

    private static List<JsonObject> partners() {
        Reply r = chain.call("/api/v1/partners").get();
        assertEquals(200, r.status(), r::toString);
        return r.items();
    }
}
