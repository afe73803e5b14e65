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
 * Correcting checks on the POS in a real browser: a customer put on a check before its first line,
 * a refund of part of a paid check that a manager approves with their PIN, and a fresh check
 * voided as a whole with the manager's PIN. What the screen shows is checked against the API.
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
        for (char digit : "2222".toCharArray()) {
            till.find(By.cssSelector("#actionForm button.pos-key[data-key='" + digit + "']")).click();
        }
        tap(till, By.id("actionForm:confirmAction"));
        till.until(d -> !d.findElement(By.id("actionDlg")).isDisplayed());
    }

    @Test
    void aCustomersCheckIsPaidAndPartlyRefundedWithAManagersPin() {
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
        String id = shownOrderId();
        assertEquals(Long.parseLong(customerId), order(id).getJsonNumber("customerId").longValue());
        assertTrue(text(till, "ticketCustomer").contains("Ada Guest"), "the customer stays on the check");
        assertTrue(till.driver.findElements(By.id("sale:customer")).isEmpty(), "the check's customer is not changed here");
        till.snapshot("pos-customer-on-check");

        pay(till, "CASH", null, "50", null);
        visible(till, By.id("completed"));
        assertEquals("COMPLETED", status());
        BigDecimal total = order(id).getJsonNumber("total").bigDecimalValue();

        // part of it back: what may be refunded is offered, the cashier asks for less, a manager approves
        tap(till, By.id("sale:refund"));
        visible(till, By.id("actionDlg"));
        assertTrue(text(till, "refundable").endsWith(total.setScale(2).toPlainString()), text(till, "refundable"));
        till.type(By.id("actionForm:actionAmount_input"), "5");
        till.type(By.id("actionForm:reason"), "salad was cold");
        confirmWithManagersPin("A refund: a manager must approve.");
        till.until(d -> "PARTIALLY_REFUNDED".equals(status()));
        assertEquals("Partly refunded", text(till, "sale:checkStatus"));
        assertTrue(text(till, "refunded").endsWith("5.00"), text(till, "refunded"));
        assertTrue(text(till, "sale:lastRefund").contains("Cash"), text(till, "sale:lastRefund"));
        till.snapshot("pos-partly-refunded");

        JsonObject refunded = order(id);
        assertEquals("PARTIALLY_REFUNDED", refunded.getString("status"));
        assertEquals(0, new BigDecimal("5.00").compareTo(refunded.getJsonNumber("refunded").bigDecimalValue()),
                "one refund of 5.00: " + refunded);

        // the rest may still be refunded
        tap(till, By.id("sale:refund"));
        visible(till, By.id("actionDlg"));
        assertTrue(text(till, "refundable").endsWith(total.subtract(new BigDecimal("5")).setScale(2).toPlainString()),
                text(till, "refundable"));
    }

    @Test
    void aFreshCheckIsVoidedWithAManagersPin() {
        signIn(till, "Bistro Mitte", "1111");
        till.open("/pos/sale.xhtml");
        addItem(till, "Drinks", "House Lemonade");
        till.until(d -> line(till, "House Lemonade"));
        String id = shownOrderId();

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
