package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api.Reply;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, items 8 and 9 from outside: whatever cannot fit the schema or the model is a 400 naming
 * the field — never a 500, never stored — at the boundaries (200 and 201 lines, the largest price
 * the column holds and one past it, 64 and 65 levels of nesting), and card numbers typed into text
 * fields are refused, not stored and not logged.
 */
class InputLimitsIT {

    static Shop shop;
    static long category;
    static long tax;

    @BeforeAll
    static void shop() {
        shop = Shop.withBeef("lim", new BigDecimal("40"));
        category = shop.tenant.call("/api/v1/menu/categories").post(obj("name", "Limits")).json().getJsonNumber("id").longValue();
        tax = shop.tenant.call("/api/v1/tax-rates").post(obj("name", "VAT 7", "rate", new BigDecimal("7"), "inclusive", true))
                .json().getJsonNumber("id").longValue();
    }

    /** A 400 validation problem whose errors name {@code field}. */
    static void assertRefused(Reply reply, String field) {
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("application/problem+json", reply.header("Content-Type"));
        assertEquals("urn:rms:problem:validation", reply.json().getString("type"));
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.contains(field), "names " + field + ": " + reply);
    }

    static int orders() {
        return shop.tenant.call("/api/v1/orders?outletId=" + shop.outlet + "&size=500").get().json().getInt("total");
    }

    static JsonObject orderOf(int lines) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (int i = 0; i < lines; i++) {
            array.add(shop.burgerLine(1, shop.rare));
        }
        return obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines", array.build());
    }

    /** A fresh Luhn-valid 16-digit number (so the log check finds only this test's), written with {@code sep}. */
    static String cardNumber(String sep) {
        SecureRandom random = new SecureRandom();
        int[] d = new int[16];
        d[0] = 4;
        for (int i = 1; i < 15; i++) {
            d[i] = random.nextInt(10);
        }
        int sum = 0;
        for (int i = 14, k = 0; i >= 0; i--, k++) {
            int x = d[i];
            if (k % 2 == 0) {
                x *= 2;
                if (x > 9) {
                    x -= 9;
                }
            }
            sum += x;
        }
        d[15] = (10 - sum % 10) % 10;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            out.append(i > 0 && i % 4 == 0 ? sep : "").append(d[i]);
        }
        return out.toString();
    }

    static void assertNotInLog(String card) throws IOException {
        String digits = card.replaceAll("[^0-9]", "");
        String log = Files.readString(EdgeAttackIT.messagesLog(), StandardCharsets.UTF_8);
        assertFalse(log.contains(card) || log.contains(digits), "the card number is not in the log");
    }

    // ---- arrays

    @Test
    void twoHundredLinesAreAcceptedAnd201Refused() {
        Reply ok = shop.order(orderOf(200));
        assertEquals(201, ok.status(), ok::toString);
        assertEquals(200, ok.json().getJsonArray("lines").size());
        int before = orders();
        assertRefused(shop.order(orderOf(201)), "lines");
        assertEquals(before, orders(), "nothing was stored");
    }

    @Test
    void moreThan20TendersOr500IdsAreRefused() {
        JsonArrayBuilder tenders = Json.createArrayBuilder();
        for (int i = 0; i < 21; i++) {
            tenders.add(obj("method", "CASH", "amount", new BigDecimal("0.50"), "tendered", new BigDecimal("0.50")));
        }
        JsonObject quickSale = Json.createObjectBuilder(orderOf(1)).add("payments", tenders).build();
        int before = orders();
        assertRefused(shop.order(quickSale), "payments");
        JsonArrayBuilder ids = Json.createArrayBuilder();
        for (int i = 0; i < 501; i++) {
            ids.add(shop.rare);
        }
        JsonObject line = Json.createObjectBuilder(shop.burgerLine(1, shop.rare)).add("modifierIds", ids).build();
        assertRefused(shop.order(obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines",
                Json.createArrayBuilder().add(line).build())), "lines[0].modifierIds");
        assertEquals(before, orders());
    }

    // ---- numbers

    @Test
    void numericOverflowIs400NamingTheFieldNever500() {
        int before = orders();
        for (String quantity : new String[] {"99999999999999999999", "1e400", "2147483648", "-1"}) {
            String body = "{\"outletId\":" + shop.outlet + ",\"channel\":\"TAKEAWAY\",\"lines\":[{\"menuItemId\":"
                    + shop.burger + ",\"quantity\":" + quantity + ",\"modifierIds\":[" + shop.rare + "]}]}";
            Reply reply = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                    .send("POST", body);
            assertEquals(400, reply.status(), quantity + ": " + reply);
            assertEquals("urn:rms:problem:validation", reply.json().getString("type"));
        }
        assertEquals(before, orders());
        Reply open = shop.order(orderOf(1));
        long order = open.json().getJsonNumber("id").longValue();
        Reply pay = shop.as(shop.cashier, "/api/v1/orders/" + order + "/payments")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .send("POST", "{\"method\":\"CASH\",\"amount\":123456789012345678901234567890,\"tendered\":1}");
        assertRefused(pay, "amount");
        BigDecimal lemons = shop.onHand(shop.lemons);
        assertRefused(shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/adjustments")
                .post(obj("stockItemId", shop.lemons, "delta", new BigDecimal("123456789012.5"), "reason", "CORRECTION",
                        "note", "past the column")), "delta");
        assertRefused(shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/adjustments")
                .post(obj("stockItemId", shop.lemons, "delta", new BigDecimal("1.0001"), "reason", "CORRECTION")), "delta");
        assertEquals(0, lemons.compareTo(shop.onHand(shop.lemons)), "the stock did not change");
    }

    @Test
    void theLargestPriceTheColumnHoldsIsAcceptedAndOnePastItRefused() {
        Reply largest = shop.tenant.call("/api/v1/menu/items").post(item("MAX", new BigDecimal("9999999999.99")));
        assertEquals(201, largest.status(), largest::toString);
        assertEquals(0, new BigDecimal("9999999999.99").compareTo(largest.json().getJsonNumber("price").bigDecimalValue()));
        assertRefused(shop.tenant.call("/api/v1/menu/items").post(item("PAST", new BigDecimal("10000000000.00"))), "price");
        assertRefused(shop.tenant.call("/api/v1/menu/items").post(item("SCALE", new BigDecimal("1.001"))), "price");
        Reply items = shop.tenant.call("/api/v1/menu/items?size=500").get();
        assertEquals(200, items.status(), items::toString);
        assertTrue(items.body().contains("\"MAX\"") && !items.body().contains("\"PAST\"") && !items.body().contains("\"SCALE\""),
                "only the largest price was stored");
    }

    static JsonObject item(String sku, BigDecimal price) {
        return obj("sku", sku, "name", "Item " + sku, "categoryId", category, "price", price, "taxRateId", tax,
                "station", "GRILL");
    }

    // ---- strings and nesting

    @Test
    void overLongStringsAre400NamingTheField() {
        JsonObject line = Json.createObjectBuilder(shop.burgerLine(1, shop.rare)).add("note", "n".repeat(201)).build();
        assertRefused(shop.order(obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines",
                Json.createArrayBuilder().add(line).build())), "lines[0].note");
        assertRefused(shop.tenant.call("/api/v1/customers").post(obj("name", "c".repeat(121), "phone", "+49 30 555111")), "name");
        assertRefused(shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/adjustments")
                .post(obj("stockItemId", shop.lemons, "delta", -1, "reason", "WASTE", "note", "w".repeat(501))), "note");
        assertRefused(shop.tenant.call("/api/v1/outlets").post(obj("name", "o".repeat(20_000), "timezone", "UTC",
                "currency", "EUR")), "name");
    }

    static String nested(int depth) {
        return "{\"name\":\"Nest " + depth + "\",\"timezone\":\"UTC\",\"currency\":\"EUR\",\"extra\":"
                + "[".repeat(depth - 1) + "]".repeat(depth - 1) + "}";
    }

    @Test
    void jsonNested64DeepIsReadAnd65Refused() {
        Reply ok = shop.tenant.call("/api/v1/outlets").send("POST", nested(64));
        assertEquals(201, ok.status(), ok::toString);
        Reply deep = shop.tenant.call("/api/v1/outlets").send("POST", nested(65));
        assertEquals(400, deep.status(), deep::toString);
        assertTrue(deep.json().getJsonArray("errors").getJsonObject(0).getString("message").contains("64"), deep::toString);
        assertEquals(400, shop.tenant.call("/api/v1/outlets").send("POST", "[".repeat(100_000)).status(),
                "a deeply nested body that never closes");
    }

    // ---- card numbers in text fields

    @Test
    void aCardNumberInAnOrderLineNoteIsRefusedNotStoredNotLogged() throws IOException {
        String card = cardNumber(" ");
        int before = orders();
        JsonObject line = Json.createObjectBuilder(shop.burgerLine(1, shop.rare)).add("note", "pay with " + card).build();
        Reply reply = shop.order(obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines",
                Json.createArrayBuilder().add(line).build()));
        assertRefused(reply, "lines[0].note");
        assertFalse(reply.body().contains(card.substring(0, 9)), "not echoed");
        assertEquals(before, orders(), "not stored");
        assertFalse(shop.tenant.call("/api/v1/orders?outletId=" + shop.outlet + "&size=500").get().body()
                .contains(card.replace(" ", "").substring(0, 12)));
        assertNotInLog(card);
    }

    @Test
    void aCardNumberInACustomerNameIsRefusedNotStoredNotLogged() throws IOException {
        String card = cardNumber("-");
        Reply reply = shop.tenant.call("/api/v1/customers").post(obj("name", "Ann " + card, "phone", "+49 30 999888"));
        assertRefused(reply, "name");
        Reply found = shop.tenant.call("/api/v1/customers?q=Ann").get();
        assertEquals(200, found.status(), found::toString);
        assertFalse(found.body().contains(card.substring(0, 9)), "not stored");
        assertNotInLog(card);
    }

    @Test
    void aCardNumberInAStockAdjustmentNoteIsRefusedNotStoredNotLogged() throws IOException {
        String card = cardNumber(".");
        Reply reply = shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/adjustments")
                .post(obj("stockItemId", shop.lemons, "delta", -1, "reason", "WASTE", "note", "card " + card));
        assertRefused(reply, "note");
        Reply movements = shop.tenant.call("/api/v1/outlets/" + shop.outlet + "/stock/movements?stockItemId=" + shop.lemons).get();
        assertEquals(200, movements.status());
        assertFalse(movements.body().contains(card.substring(0, 9)), "not stored");
        assertTrue(movements.items().stream().noneMatch(m -> "WASTE".equals(m.getString("reason"))), "no movement was posted");
        assertNotInLog(card);
    }

    @Test
    void phoneNumbersAndOrdinaryNotesStillPass() {
        Reply customer = shop.tenant.call("/api/v1/customers").post(obj("name", "Bea", "phone", "+49 1701 2345678"));
        assertTrue(customer.status() == 200 || customer.status() == 201, customer::toString);
        JsonObject line = Json.createObjectBuilder(shop.burgerLine(1, shop.rare)).add("note", "table 12, 2 mins, ref 1234567890123")
                .build();
        Reply order = shop.order(obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines", Json.createArrayBuilder().add(line).build()));
        assertEquals(201, order.status(), order::toString);
    }
}
