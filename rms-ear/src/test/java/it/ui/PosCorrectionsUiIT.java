package it.ui;

import static it.ui.PosSaleUiIT.addItem;
import static it.ui.PosSaleUiIT.line;
import static it.ui.PosSaleUiIT.openDrawer;
import static it.ui.PosSaleUiIT.pay;
import static it.ui.PosSaleUiIT.signIn;
import static it.ui.PosSaleUiIT.tap;
import static it.ui.PosSaleUiIT.text;
import static it.ui.PosSaleUiIT.visible;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Correcting checks on the POS in a real browser: a customer put on a check before its first line
 * or after, a discount above the cashier's limit, re-opening a paid check and paying what was added,
 * closing a re-opened check with nothing to pay, a partial refund and voiding a whole check, each
 * approved with the manager's PIN. What the screen shows is checked against the API.
 */
class PosCorrectionsUiIT {

    private Browser till;
    private String owner;

    @BeforeEach
    void start() throws IOException {
        till = Browser.start();
        Api.awaitReady();
        owner = Api.login("demo", "owner", "owner-demo");
    }

    @AfterEach
    void stop() {
        if (till != null) {
            till.close();
        }
    }

    private JsonObject order(String id) {
        Api.Reply reply = Api.at("/api/v1/orders/" + id).token(owner).tenant("demo").get();
        assertEquals(200, reply.status(), reply.toString());
        return reply.json();
    }

    private String shownOrderId() {
        return till.until(d -> d.findElement(By.id("sale:checkStatus")).getAttribute("data-order-id"));
    }

    private String status() {
        return till.until(d -> d.findElement(By.id("sale:checkStatus")).getAttribute("data-status"));
    }

    /** Submits the check-action dialog, is told a manager must approve, and approves with the manager's PIN. */
    private void confirmWithManagersPin(String needed) {
        tap(till, By.id("actionForm:confirmAction"));
        visible(till, By.id("approvalPrompt"));
        assertTrue(till.pageHas(needed), "the cashier is told why a manager is needed");
        approveWithManagersPin();
    }

    private void approveWithManagersPin() {
        managersPin();
        tap(till, By.id("actionForm:confirmAction"));
        till.until(d -> !d.findElement(By.id("actionDlg")).isDisplayed());
    }

    private void managersPin() {
        for (char digit : "2222".toCharArray()) {
            till.find(By.cssSelector("#actionForm button.pos-key[data-key='" + digit + "']")).click();
        }
    }

    /**
     * Re-opens the paid check with the manager's PIN. The sale's side effects (stock, sales, points)
     * are recorded after the payment; until they are, the server says to try again in a moment, and
     * the cashier does, as often as needed.
     */
    private void reopen(String reason) {
        tap(till, By.id("sale:reopen"));
        visible(till, By.id("actionDlg"));
        till.type(By.id("actionForm:reason"), reason);
        tap(till, By.id("actionForm:confirmAction"));
        visible(till, By.id("approvalPrompt"));
        assertTrue(till.pageHas("Re-opening a paid check: a manager must approve."));
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            managersPin();
            tap(till, By.id("actionForm:confirmAction"));
            till.until(d -> !d.findElement(By.id("actionDlg")).isDisplayed() || till.pageHas("still being recorded"));
            if (!till.find(By.id("actionDlg")).isDisplayed()) {
                return;
            }
            assertTrue(System.currentTimeMillis() < deadline, "the sale was not recorded within 30 s");
            pause();
        }
    }

    /** Pays the balance in cash; while the re-opening is still being recorded, taps "Pay" again. */
    private void payTheRest() {
        pay(till, "CASH", null, "20", null);
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            till.until(d -> !d.findElement(By.id("payDlg")).isDisplayed()
                    || d.findElement(By.id("payForm:payError")).isDisplayed());
            if (!till.find(By.id("payDlg")).isDisplayed()) {
                return;
            }
            String error = text(till, "payForm:payError");
            assertTrue(error.contains("still being recorded") && System.currentTimeMillis() < deadline, error);
            pause();
            tap(till, By.id("payForm:payNow"));
        }
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static BigDecimal money(JsonObject order, String field) {
        return order.getJsonNumber(field).bigDecimalValue();
    }

    @Test
    void aCustomersCheckIsDiscountedWithAManagersPinPaidReopenedPaidAgainAndPartlyRefunded() {
        signIn(till, "Bistro Mitte", "1111");
        openDrawer(till);
        till.open("/pos/sale.xhtml");
        assertEquals("No customer", text(till, "ticketCustomer"));

        // the guest gives their phone before anything is ordered: a new customer
        String phone = "+4917" + ThreadLocalRandom.current().nextLong(10_000_000L, 99_999_999L);
        tap(till, By.id("sale:customer"));
        visible(till, By.id("customerDlg"));
        till.type(By.id("customerForm:customerPhone"), phone);
        till.type(By.id("customerForm:customerName"), "Ada Guest");
        tap(till, By.id("customerForm:findCustomer"));
        till.until(d -> !d.findElement(By.id("customerDlg")).isDisplayed());
        till.until(d -> text(till, "ticketCustomer").contains("Ada Guest"));
        assertTrue(till.pageHas("New customer Ada Guest is on the check."));
        String customerId = till.find(By.id("ticketCustomer")).getAttribute("data-customer-id");

        // the check is created with the customer on it
        addItem(till, "Mains", "Caesar Salad");
        till.until(d -> line(till, "Caesar Salad"));
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> line(till, "House Lemonade"));
        till.until(d -> text(till, "total").endsWith("13.70"));
        String id = shownOrderId();
        assertEquals(Long.parseLong(customerId), order(id).getJsonNumber("customerId").longValue());
        assertTrue(text(till, "ticketCustomer").contains("Ada Guest"), "the customer stays on the check");
        till.snapshot("pos-customer-on-check");

        // 20 % off is more than a cashier may give: the manager approves it with their PIN
        tap(till, By.id("sale:discountCheck"));
        visible(till, By.id("actionDlg"));
        assertEquals("Discount", text(till, "actionTitle"));
        till.until(d -> d.findElement(By.cssSelector("a.pos-method-on[data-discount-type='PERCENT']")));
        till.type(By.id("actionForm:discountValue_input"), "20");
        till.type(By.id("actionForm:reason"), "regular guest");
        confirmWithManagersPin("This discount is more than a cashier may give: a manager must approve.");
        till.until(d -> text(till, "discount").endsWith("2.74"));
        assertTrue(text(till, "total").endsWith("10.96"), text(till, "total"));
        assertTrue(till.pageHas("Discount of 20 % given."));
        JsonObject discounted = order(id);
        assertEquals(0, new BigDecimal("10.96").compareTo(money(discounted, "total")), discounted.toString());
        assertTrue(discounted.getJsonObject("discount").getString("approvedBy", null) != null,
                "a manager approved it: " + discounted);

        pay(till, "CASH", null, "50", null);
        visible(till, By.id("completed"));
        assertEquals("COMPLETED", status());

        // the guest orders another lemonade: a manager re-opens the check, its payment stays
        reopen("guest ordered another drink");
        till.until(d -> "OPEN".equals(status()));
        assertTrue(text(till, "paid").endsWith("10.96"), text(till, "paid"));
        assertTrue(text(till, "balance").endsWith("0.00"), text(till, "balance"));
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> text(till, "balance").endsWith("3.12"));
        assertTrue(text(till, "total").endsWith("14.08"), "the discount holds for the new line too");
        payTheRest();
        visible(till, By.id("completed"));
        assertEquals("COMPLETED", status());
        JsonObject settled = order(id);
        assertEquals("COMPLETED", settled.getString("status"));
        assertEquals(0, new BigDecimal("14.08").compareTo(money(settled, "paid")), settled.toString());
        assertEquals(Long.parseLong(customerId), settled.getJsonNumber("customerId").longValue());
        till.snapshot("pos-reopened-and-paid");

        // part of it back: what may be refunded is offered, the cashier asks for less, a manager approves
        tap(till, By.id("sale:refund"));
        visible(till, By.id("actionDlg"));
        assertTrue(text(till, "refundable").endsWith("14.08"), text(till, "refundable"));
        till.type(By.id("actionForm:actionAmount_input"), "5");
        till.type(By.id("actionForm:reason"), "salad was cold");
        confirmWithManagersPin("A refund: a manager must approve.");
        till.until(d -> "PARTIALLY_REFUNDED".equals(status()));
        assertEquals("Partly refunded", text(till, "sale:checkStatus"));
        assertTrue(text(till, "refunded").endsWith("5.00"), text(till, "refunded"));
        assertTrue(text(till, "sale:lastRefund").contains("Cash"), text(till, "sale:lastRefund"));
        assertTrue(till.driver.findElements(By.id("sale:reopen")).isEmpty(), "a refunded check is corrected with refunds");
        till.snapshot("pos-partly-refunded");

        JsonObject refunded = order(id);
        assertEquals("PARTIALLY_REFUNDED", refunded.getString("status"));
        assertEquals(0, new BigDecimal("5.00").compareTo(money(refunded, "refunded")), "one refund of 5.00: " + refunded);

        // the rest may still be refunded
        tap(till, By.id("sale:refund"));
        visible(till, By.id("actionDlg"));
        assertTrue(text(till, "refundable").endsWith("9.08"), text(till, "refundable"));
    }

    @Test
    void aReopenedCheckWithNothingLeftToPayIsClosed() {
        signIn(till, "Bistro Mitte", "1111");
        openDrawer(till);
        till.open("/pos/sale.xhtml");
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> line(till, "House Lemonade"));
        String id = shownOrderId();
        pay(till, "CASH", null, "10", null);
        visible(till, By.id("completed"));

        reopen("wrong table");
        till.until(d -> "OPEN".equals(status()));
        assertTrue(till.driver.findElements(By.id("sale:voidOrder")).isEmpty(), "a check with a payment is not voided");
        tap(till, By.id("sale:close"));
        till.until(d -> "COMPLETED".equals(status()));
        assertTrue(till.pageHas("Check closed."));
        assertEquals("COMPLETED", order(id).getString("status"));
    }

    @Test
    void aCustomerIsPutOnAnOpenCheckAndTheCheckIsVoidedWithAManagersPin() {
        signIn(till, "Bistro Mitte", "1111");
        till.open("/pos/sale.xhtml");
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> line(till, "House Lemonade"));
        String id = shownOrderId();

        // the guest is named after the check was started
        String email = "bo" + ThreadLocalRandom.current().nextLong(1_000_000L, 9_999_999L) + "@example.com";
        tap(till, By.id("sale:customer"));
        visible(till, By.id("customerDlg"));
        till.type(By.id("customerForm:customerEmail"), email);
        till.type(By.id("customerForm:customerName"), "Bo Guest");
        tap(till, By.id("customerForm:findCustomer"));
        till.until(d -> text(till, "ticketCustomer").contains("Bo Guest"));
        String customerId = till.find(By.id("ticketCustomer")).getAttribute("data-customer-id");
        assertEquals(Long.parseLong(customerId), order(id).getJsonNumber("customerId").longValue());

        tap(till, By.id("sale:voidOrder"));
        visible(till, By.id("actionDlg"));
        assertEquals("Void check", text(till, "actionTitle"));
        // a reason is required before anything goes to the server
        tap(till, By.id("actionForm:confirmAction"));
        till.until(d -> till.pageHas("Say why."));
        till.type(By.id("actionForm:reason"), "guest left");
        confirmWithManagersPin("Voiding a check: a manager must approve.");
        till.until(d -> "VOIDED".equals(status()));
        assertEquals("Voided", text(till, "sale:checkStatus"));
        visible(till, By.id("voided"));
        assertTrue(till.pageHas("Check voided."));
        assertTrue(till.driver.findElements(By.id("sale:pay")).isEmpty(), "a voided check takes no payment");
        assertEquals("VOIDED", order(id).getString("status"));
        till.snapshot("pos-check-voided");
    }
}
