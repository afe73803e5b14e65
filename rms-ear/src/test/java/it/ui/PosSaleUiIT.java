package it.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A whole sale on the POS in a real browser, with the kitchen display open in a second one: the
 * cashier opens the drawer, sells a burger with cheese at a table, sends it, has a manager approve
 * voiding a sent line, takes part cash (with change) and part card (after a declined card), and
 * sees the receipt; the cook sees the ticket arrive without reloading and bumps it to ready.
 */
class PosSaleUiIT {

    private Browser till;
    private Browser kitchen;

    @BeforeEach
    void start() throws IOException {
        till = Browser.start();
        kitchen = Browser.start();
        it.Api.awaitReady();
    }

    @AfterEach
    void stop() {
        try {
            if (till != null) {
                till.close();
            }
        } finally {
            if (kitchen != null) {
                kitchen.close();
            }
        }
    }

    static void signIn(Browser browser, String outlet, String pin) {
        browser.open("/pos/");
        browser.until(d -> browser.path().startsWith("/pos/signin.xhtml"));
        browser.type(By.id("signIn:tenant"), "demo");
        browser.find(By.id("signIn:continue")).click();
        browser.until(d -> d.findElement(By.cssSelector("button[data-outlet='" + outlet + "']"))).click();
        browser.until(d -> d.findElement(By.id("pinOutlet")).getText().equals(outlet));
        for (char digit : pin.toCharArray()) {
            browser.find(By.cssSelector("#signIn button.pos-key[data-key='" + digit + "']")).click();
        }
        browser.find(By.id("signIn:enter")).click();
        browser.until(d -> !browser.path().startsWith("/pos/signin.xhtml"));
    }

    /**
     * Clicks what {@code by} finds once the page's Ajax queue is idle; an element replaced by an
     * update before the click happened is found again (a stale element was never clicked).
     */
    static void tap(Browser browser, By by) {
        idle(browser);
        browser.until(d -> {
            d.findElement(by).click();
            return true;
        });
        idle(browser);
    }

    static void idle(Browser browser) {
        browser.until(d -> Boolean.TRUE.equals(browser.driver.executeScript(
                "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }

    static WebElement visible(Browser browser, By by) {
        return browser.until(d -> {
            WebElement e = d.findElement(by);
            return e.isDisplayed() ? e : null;
        });
    }

    static String text(Browser browser, String id) {
        return browser.until(d -> d.findElement(By.id(id)).getText());
    }

    static WebElement line(Browser till, String name) {
        return till.driver.findElement(By.cssSelector("div.pos-line[data-line='" + name + "']"));
    }

    /** Opens the outlet's drawer with a float when it is closed (cash is taken and given back only into an open drawer). */
    static void openDrawer(Browser till) {
        till.open("/pos/drawer.xhtml");
        String state = till.until(d -> d.findElement(By.id("drawerState")).getAttribute("data-state"));
        if ("CLOSED".equals(state)) {
            till.type(By.id("drawer:openingFloat_input"), "150");
            tap(till, By.id("drawer:openDrawer"));
            till.until(d -> "OPEN".equals(d.findElement(By.id("drawerState")).getAttribute("data-state")));
            assertTrue(till.pageHas("Drawer open with a float of 150"), "the float is confirmed");
        }
    }

    static void addItem(Browser till, String category, String item) {
        tap(till, By.cssSelector("a.pos-tab[data-category='" + category + "']"));
        till.until(d -> d.findElement(By.cssSelector("a.pos-tab-on[data-category='" + category + "']")));
        tap(till, By.cssSelector("a.pos-item[data-item='" + item + "']"));
    }

    static void pay(Browser till, String method, String amount, String tendered, String token) {
        tap(till, By.id("sale:pay"));
        visible(till, By.id("payDlg"));
        if ("CARD".equals(method)) {
            tap(till, By.cssSelector("a.pos-method[data-method='CARD']"));
            till.until(d -> d.findElement(By.cssSelector("a.pos-method-on[data-method='CARD']")));
            till.type(By.id("payForm:cardToken"), token);
        }
        if (amount != null) {
            till.type(By.id("payForm:amount_input"), amount);
        }
        if (tendered != null) {
            till.type(By.id("payForm:tendered_input"), tendered);
        }
        tap(till, By.id("payForm:payNow"));
    }

    @Test
    void aTableSaleIsSentBumpedInTheKitchenVoidedWithAManagersPinAndPaidSplit() {
        signIn(till, "Bistro Mitte", "1111");
        openDrawer(till);

        // the kitchen display of the grill, live before the order exists
        signIn(kitchen, "Bistro Mitte", "1111");
        kitchen.open("/pos/kitchen.xhtml?station=GRILL");
        assertEquals("GRILL", text(kitchen, "stationName"));
        kitchen.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-live")));
        kitchen.driver.executeScript("window.rmsNotReloaded = true;");

        // from the floor: tap a table, open its check
        till.open("/pos/floor.xhtml");
        tap(till, By.cssSelector("a.pos-tile[data-table='T5']"));
        till.until(d -> d.findElement(By.id("selectedTable")).getText().equals("T5"));
        till.find(By.id("floor:openCheck")).click();
        till.until(d -> till.path().startsWith("/pos/sale.xhtml"));
        assertEquals("T5", text(till, "checkTable"));

        // a burger with cheese and a note, through the modifier dialog
        addItem(till, "Mains", "Bistro Burger");
        visible(till, By.id("modifierDlg"));
        assertEquals("Bistro Burger", text(till, "pendingName"));
        tap(till, By.cssSelector("a.pos-mod-btn[data-modifier='Cheese']"));
        till.until(d -> d.findElement(By.cssSelector("a.pos-mod-on[data-modifier='Cheese']")));
        till.type(By.id("modifierForm:note"), "no onions");
        tap(till, By.id("modifierForm:addLine"));
        till.until(d -> !d.findElement(By.id("modifierDlg")).isDisplayed());
        WebElement burger = till.until(d -> line(till, "Bistro Burger"));
        assertTrue(burger.getText().contains("+ Cheese"), burger.getText());
        assertTrue(burger.getText().contains("no onions"), burger.getText());
        String orderNumber = text(till, "checkName");
        assertTrue(text(till, "total").endsWith("13.50"), "12.50 + 1.00 cheese, as the server priced it");

        // a drink without options goes straight on the check
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> line(till, "House Lemonade"));
        till.until(d -> text(till, "total").endsWith("17.40"));

        // back to the floor and to the table again: its open check is gone on with, not a new one started
        till.open("/pos/floor.xhtml");
        tap(till, By.cssSelector("a.pos-tile[data-table='T5']"));
        till.until(d -> d.findElement(By.id("selectedTable")).getText().equals("T5"));
        till.find(By.id("floor:openCheck")).click();
        till.until(d -> till.path().startsWith("/pos/sale.xhtml"));
        assertEquals(orderNumber, text(till, "checkName"));
        assertEquals("T5", text(till, "checkTable"));
        assertTrue(text(till, "total").endsWith("17.40"), text(till, "total"));

        // a salad as the second course, held back when the rest is sent
        tap(till, By.xpath("//div[@id='sale:currentCourse']//div[contains(@class,'ui-button')][.//span[text()='2']]"));
        till.until(d -> d.findElement(By.xpath("//div[@id='sale:currentCourse']//div[contains(@class,'ui-state-active')][.//span[text()='2']]")));
        addItem(till, "Mains", "Caesar Salad");
        till.until(d -> line(till, "Caesar Salad").getText().contains("Course 2"));
        till.until(d -> text(till, "total").endsWith("27.20"));
        tap(till, By.xpath("//div[@id='sale:hold']//div[contains(@class,'ui-button')][.//span[text()='Course 2']]"));

        tap(till, By.id("sale:send"));
        till.until(d -> till.pageHas("Sent to the kitchen; course 2 held."));
        WebElement fire = till.until(d -> d.findElement(By.cssSelector("button[data-fire='2']")));
        assertEquals("Fire course 2", fire.getText());
        assertTrue(line(till, "Caesar Salad").getText().contains("Held"), line(till, "Caesar Salad").getText());
        till.until(d -> "true".equals(line(till, "Bistro Burger").getAttribute("data-sent")));
        till.snapshot("pos-sale-sent");

        // the grill's ticket arrives on the kitchen display by itself
        By ticket = By.cssSelector("article.pos-ticket[data-order='" + orderNumber + "']");
        WebElement card = kitchen.until(d -> d.findElement(ticket));
        assertTrue(card.getText().contains("Bistro Burger"), card.getText());
        assertTrue(card.getText().contains("+ Cheese"), card.getText());
        assertTrue(card.getText().contains("no onions"), card.getText());
        assertTrue(card.getText().contains("T5"), card.getText());
        assertTrue(!card.getText().contains("House Lemonade"), "the lemonade goes to the bar, not the grill");
        assertEquals(Boolean.TRUE, kitchen.driver.executeScript("return window.rmsNotReloaded === true;"),
                "the board updated without a reload");
        assertEquals("NEW", card.getAttribute("data-status"));
        tap(kitchen, By.cssSelector("article.pos-ticket[data-order='" + orderNumber + "'] button.pos-bump"));
        kitchen.until(d -> "IN_PROGRESS".equals(d.findElement(ticket).getAttribute("data-status")));
        tap(kitchen, By.cssSelector("article.pos-ticket[data-order='" + orderNumber + "'] button.pos-bump"));
        kitchen.until(d -> "READY".equals(d.findElement(ticket).getAttribute("data-status")));
        kitchen.snapshot("pos-kitchen-ready");

        // the mains are ready: the held course goes to the kitchen
        tap(till, By.cssSelector("button[data-fire='2']"));
        till.until(d -> till.pageHas("Course 2 fired."));
        assertTrue(till.driver.findElements(By.cssSelector("button[data-fire]")).isEmpty(), "nothing is held any more");
        assertTrue(line(till, "Caesar Salad").getText().contains("Sent"), line(till, "Caesar Salad").getText());

        // voiding a sent line needs a manager: the cashier's own PIN does not do, the manager's does
        String lemonadeId = line(till, "House Lemonade").getAttribute("data-line-id");
        tap(till, By.cssSelector("button[data-void='" + lemonadeId + "']"));
        visible(till, By.id("actionDlg"));
        till.type(By.id("actionForm:reason"), "guest changed their mind");
        tap(till, By.id("actionForm:confirmAction"));
        visible(till, By.id("approvalPrompt"));
        assertTrue(till.pageHas("a manager must approve"));
        for (char digit : "1111".toCharArray()) {
            till.find(By.cssSelector("#actionForm button.pos-key[data-key='" + digit + "']")).click();
        }
        tap(till, By.id("actionForm:confirmAction"));
        till.until(d -> till.pageHas("That PIN cannot approve this void."));
        for (char digit : "2222".toCharArray()) {
            till.find(By.cssSelector("#actionForm button.pos-key[data-key='" + digit + "']")).click();
        }
        till.snapshot("pos-void-manager-pin");
        tap(till, By.id("actionForm:confirmAction"));
        till.until(d -> !d.findElement(By.id("actionDlg")).isDisplayed());
        till.until(d -> d.findElement(By.cssSelector("div.pos-line-VOIDED[data-line='House Lemonade']")));
        till.until(d -> text(till, "total").endsWith("23.30"));

        // part cash, with change
        pay(till, "CASH", "10", "20", null);
        till.until(d -> text(till, "change").endsWith("10.00"));
        till.until(d -> text(till, "balance").endsWith("13.30"));
        assertTrue(text(till, "paid").endsWith("10.00"));

        // a declined card says why and leaves the balance; the next card pays the rest
        pay(till, "CARD", null, null, "tok_chargeDeclined");
        WebElement declined = visible(till, By.id("payForm:payError"));
        assertTrue(declined.getText().toLowerCase().contains("declined"), declined.getText());
        till.type(By.id("payForm:cardToken"), "tok_visa");
        tap(till, By.id("payForm:payNow"));
        visible(till, By.id("completed"));
        assertTrue(text(till, "balance").endsWith("0.00"));
        assertEquals("Paid", text(till, "sale:checkStatus"));
        till.snapshot("pos-sale-paid");

        // the receipt: the same as the API's, for the PIN session
        String receipt = till.find(By.id("sale:receipt")).getAttribute("href");
        till.driver.get(receipt);
        String paper = till.until(d -> d.findElement(By.tagName("body")).getText());
        assertTrue(paper.contains("Bistro Mitte") && paper.contains("Order " + orderNumber), paper);
        assertTrue(paper.contains("1 x Bistro Burger") && paper.contains("+ Cheese"), paper);
        assertTrue(!paper.contains("House Lemonade"), "a voided line is not on the receipt");
        assertTrue(paper.contains("CASH") && paper.contains("CARD") && paper.contains("change"), paper);
        assertTrue(paper.contains("1 x Caesar Salad"), paper);
        assertTrue(paper.contains("Total EUR") && paper.contains("23.30"), paper);
        till.snapshot("pos-receipt");

        till.driver.navigate().back();
        till.until(d -> d.findElement(By.id("sale:backToFloor"))).click();
        till.until(d -> till.path().startsWith("/pos/floor.xhtml"));

        // closing the drawer with the counted cash shows the Z report
        till.open("/pos/drawer.xhtml");
        till.type(By.id("drawer:countedCash_input"), "160");
        tap(till, By.id("drawer:closeDrawer"));
        visible(till, By.id("drawer:zReport"));
        assertEquals("160.00", text(till, "countedCashShown"));
        assertTrue(!text(till, "expectedCash").isBlank() && !text(till, "variance").isBlank());
        assertEquals("CLOSED", till.find(By.id("drawerState")).getAttribute("data-state"));
        till.snapshot("pos-z-report");
    }

    static long outletId(String owner, String name) {
        return Api.at("/api/v1/outlets").token(owner).tenant("demo").get().items().stream()
                .filter(o -> name.equals(o.getString("name"))).findFirst().orElseThrow()
                .getJsonNumber("id").longValue();
    }

    static long itemId(String owner, long outlet, String name) {
        JsonObject menu = Api.at("/api/v1/outlets/" + outlet + "/menu").token(owner).tenant("demo").get().json();
        return menu.getJsonArray("categories").getValuesAs(JsonObject.class).stream()
                .flatMap(c -> c.getJsonArray("items").getValuesAs(JsonObject.class).stream())
                .filter(i -> name.equals(i.getString("name"))).findFirst().orElseThrow().getJsonNumber("id").longValue();
    }

    @Test
    void theTerminalShowsOnlyItsOutletsChecksAndTicketsAndGreysOutWhatItDoesNotSell() {
        String owner = Api.login("demo", "owner", "owner-demo");
        long mitte = outletId(owner, "Bistro Mitte");
        long hafen = outletId(owner, "Bistro Hafen");
        // a check sent to the kitchen at the other outlet
        Api.Reply created = Api.at("/api/v1/orders").token(owner).tenant("demo")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(Api.obj("outletId", (long) hafen, "channel", "TAKEAWAY", "lines", Json.createArrayBuilder()
                        .add(Api.obj("menuItemId", itemId(owner, hafen, "Caesar Salad"), "quantity", 1)).build()));
        assertEquals(201, created.status(), created.toString());
        long hafenOrder = created.json().getJsonNumber("id").longValue();
        String hafenNumber = created.json().getString("number");
        Api.Reply sent = Api.at("/api/v1/orders/" + hafenOrder + "/send").token(owner).tenant("demo").post(Api.obj());
        assertEquals(200, sent.status(), sent.toString());
        // the espresso is not sold at Bistro Mitte for now
        long espresso = itemId(owner, mitte, "Espresso");
        String override = "/api/v1/outlets/" + mitte + "/menu/items/" + espresso;
        Api.Reply unavailable = Api.at(override).token(owner).tenant("demo").put(Api.obj("available", false));
        assertEquals(2, unavailable.status() / 100, unavailable.toString());
        try {
            signIn(till, "Bistro Mitte", "1111");
            till.open("/pos/sale.xhtml");
            tap(till, By.cssSelector("a.pos-tab[data-category='Drinks']"));
            WebElement tile = till.until(d -> d.findElement(By.cssSelector("a.pos-item[data-item='Espresso']")));
            assertEquals("false", tile.getAttribute("data-available"));
            assertTrue(tile.getAttribute("class").contains("pos-item-off"), tile.getAttribute("class"));
            assertTrue(tile.getText().contains("Not available"), tile.getText());
            assertEquals("none", tile.getCssValue("pointer-events"), "a tap on it does nothing");
            till.snapshot("pos-sale-unavailable");

            // Bistro Hafen's check and receipt are not this terminal's
            till.open("/pos/sale.xhtml?order=" + hafenOrder);
            till.until(d -> till.pageHas("There is no check " + hafenOrder + " at Bistro Mitte."));
            assertEquals("New check", text(till, "checkName"));
            assertTrue(till.driver.findElements(By.cssSelector("div.pos-line")).isEmpty(), "the other outlet's lines are not shown");
            till.open("/pos/receipt?order=" + hafenOrder);
            assertTrue(!till.pageHas("Caesar Salad") && !till.pageHas("Bistro Hafen"), "no receipt of the other outlet");

            // nor its kitchen tickets, on any station
            signIn(kitchen, "Bistro Mitte", "1111");
            kitchen.open("/pos/kitchen.xhtml");
            assertEquals("All stations", text(kitchen, "stationName"));
            kitchen.until(d -> "true".equals(d.findElement(By.id("live")).getAttribute("data-live")));
            assertTrue(kitchen.driver.findElements(By.cssSelector("article.pos-ticket[data-order='" + hafenNumber + "']")).isEmpty(),
                    "Bistro Hafen's ticket is not on Bistro Mitte's display");
        } finally {
            Api.at(override).token(owner).tenant("demo").put(Api.obj("available", true));
        }
    }
}
