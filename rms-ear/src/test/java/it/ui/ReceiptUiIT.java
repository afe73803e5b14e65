package it.ui;

import static it.ui.PosSaleUiIT.itemId;
import static it.ui.PosSaleUiIT.outletId;
import static it.ui.PosSaleUiIT.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The receipt at the terminal (issue 14): a check of Bistro Mitte at T7 with a salad (7 %) and an
 * espresso (19 %), taken by Clara Cashier and paid by card, opens from the POS with a visible Print
 * button, the VAT per rate adding up to the total, the outlet's tax id, the cashier and the table;
 * printed, the button is gone and the page is the width of the till roll.
 */
class ReceiptUiIT {

    private Browser till;

    @BeforeEach
    void start() throws IOException {
        till = Browser.start();
        Api.awaitReady();
    }

    @AfterEach
    void stop() {
        if (till != null) {
            till.close();
        }
    }

    /** Clara's check at T7, paid by card: the order as the API shows it. */
    private static JsonObject paidCheck() {
        String owner = Api.login("demo", "owner", "owner-demo");
        String clara = Api.login("demo", "cashier", "cashier-demo");
        long mitte = outletId(owner, "Bistro Mitte");
        long table = Api.at("/api/v1/outlets/" + mitte + "/tables").token(owner).tenant("demo").get().array()
                .getValuesAs(JsonObject.class).stream().filter(t -> "T7".equals(t.getString("label"))).findFirst()
                .orElseThrow().getJsonNumber("id").longValue();
        Api.Reply created = Api.at("/api/v1/orders").token(clara).tenant("demo")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(Api.obj("outletId", mitte, "channel", "DINE_IN", "tableId", table, "lines", Json.createArrayBuilder()
                        .add(Api.obj("menuItemId", itemId(owner, mitte, "Caesar Salad"), "quantity", 1))
                        .add(Api.obj("menuItemId", itemId(owner, mitte, "Espresso"), "quantity", 2)).build()));
        assertEquals(201, created.status(), created.toString());
        JsonObject order = created.json();
        long id = order.getJsonNumber("id").longValue();
        Api.Reply paid = Api.at("/api/v1/orders/" + id + "/payments").token(clara).tenant("demo")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(Api.obj("method", "CARD", "amount", order.getJsonNumber("total").bigDecimalValue(),
                        "cardToken", "tok_visa"));
        assertEquals(201, paid.status(), paid.toString());
        return order;
    }

    @Test
    void theReceiptHasAPrintButtonAndTheVatPerRate() {
        JsonObject order = paidCheck();
        signIn(till, "Bistro Mitte", "1111");
        till.open("/pos/receipt?order=" + order.getJsonNumber("id").longValue());
        String paper = till.until(d -> d.findElement(By.tagName("body")).getText());
        assertEquals("en", till.find(By.tagName("html")).getAttribute("lang"));
        for (String line : List.of("Bistro Mitte", "Tax ID DE123456789", "Order " + order.getString("number"), "Table: T7",
                "Cashier: Clara Cashier", "1 x Caesar Salad", "2 x Espresso")) {
            assertTrue(paper.contains(line), line + " in\n" + paper);
        }

        // the VAT per rate: net + VAT = gross, and the rates add up to the order's VAT and total
        List<WebElement> rates = till.driver.findElements(By.cssSelector("tr.vat"));
        assertEquals(List.of("A 19%", "B 7%"), rates.stream().map(r -> cells(r).get(0)).toList(), paper);
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (WebElement rate : rates) {
            List<String> c = cells(rate);
            assertEquals(new BigDecimal(c.get(3)), new BigDecimal(c.get(1)).add(new BigDecimal(c.get(2))), c.toString());
            tax = tax.add(new BigDecimal(c.get(2)));
            gross = gross.add(new BigDecimal(c.get(3)));
        }
        assertEquals(order.getJsonNumber("taxTotal").bigDecimalValue(), tax);
        assertEquals(order.getJsonNumber("total").bigDecimalValue(), gross);
        assertEquals(List.of("Sum", order.getJsonNumber("total").bigDecimalValue().toPlainString()),
                List.of(cells(till.find(By.cssSelector("tr.vat-sum"))).get(0), cells(till.find(By.cssSelector("tr.vat-sum"))).get(3)));

        // a Print button that prints, on the screen only
        WebElement print = till.find(By.id("print"));
        assertTrue(print.isDisplayed(), "the Print button is visible");
        assertEquals("Print", print.getText());
        assertEquals("window.print()", print.getAttribute("onclick"));
        till.snapshot("pos-receipt-vat");
        till.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            till.until(d -> !d.findElement(By.id("print")).isDisplayed());
            assertFalse(print.isDisplayed(), "printed, the receipt has no button");
            // 76 mm at 96 px to the inch: the till roll's printable width
            long width = ((Number) till.driver.executeScript("return Math.round(document.body.getBoundingClientRect().width);"))
                    .longValue();
            assertEquals(287.0, width, 2.0);
        } finally {
            till.driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }
}
