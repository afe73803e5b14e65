package it.api;

import static it.Api.obj;
import static it.api.InventoryIT.dec;
import static it.api.InventoryIT.item;
import static it.api.InventoryIT.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Suppliers and purchase orders: the state machine, receipts into stock at weighted average cost, isolation. */
class PurchasingIT {

    static TestTenant t;
    static long outlet;

    @BeforeAll
    static void chain() {
        t = Api.newTenant("pur");
        outlet = Api.createOutlet(t, "Depot").getJsonNumber("id").longValue();
    }

    static long supplier(TestTenant tenant, String name) {
        Reply r = tenant.call("/api/v1/suppliers").post(obj("name", name, "email", "orders@" + name.toLowerCase()
                + ".example", "phone", "+49 30 1234", "address", "Market 1"));
        assertEquals(201, r.status(), r::toString);
        return r.json().getJsonNumber("id").longValue();
    }

    private static JsonObject line(long item, String quantity, String cost) {
        return obj("stockItemId", item, "quantity", new BigDecimal(quantity), "unitCost", new BigDecimal(cost));
    }

    private static Reply order(long supplier, long outletId, JsonObject... lines) {
        var array = Json.createArrayBuilder();
        for (JsonObject l : lines) {
            array.add(l);
        }
        return t.call("/api/v1/purchase-orders").post(obj("supplierId", supplier, "outletId", outletId,
                "lines", array.build()));
    }

    private static Reply receive(long po, JsonObject... lines) {
        var array = Json.createArrayBuilder();
        for (JsonObject l : lines) {
            array.add(l);
        }
        return t.call("/api/v1/purchase-orders/" + po + "/receive").post(obj("lines", array.build()));
    }

    @Test
    void suppliersAreKeptAndValidated() {
        long id = supplier(t, "Mill");
        assertEquals("Mill", t.call("/api/v1/suppliers/" + id).get().json().getString("name"));
        Reply put = t.call("/api/v1/suppliers/" + id).put(obj("name", "Mill & Sons", "active", false));
        assertEquals(200, put.status(), put::toString);
        assertFalse(put.json().getBoolean("active"));
        assertTrue(t.call("/api/v1/suppliers").get().items().stream().anyMatch(s -> s.getString("name").equals("Mill & Sons")));
        assertEquals(409, t.call("/api/v1/suppliers").post(obj("name", "Mill & Sons")).status());
        Reply bad = t.call("/api/v1/suppliers").post(obj("name", "", "email", "not-an-email"));
        assertEquals(400, bad.status());
        assertEquals("validation", bad.kind());
        assertEquals(404, t.call("/api/v1/suppliers/999999999").get().status());
    }

    @Test
    void anOrderIsSentReceivedInPartsAndRaisesStockAtWeightedAverageCost() {
        long coffee = item(t, "COFFEE", "kg", "0", "10.00");
        long sugar = item(t, "SUGAR", "kg", "0", "1.00");
        long roaster = supplier(t, "Roaster");
        // 10 kg already on hand at the catalogue cost 10.00
        t.call("/api/v1/outlets/" + outlet + "/stock/adjustments").post(obj("stockItemId", coffee, "counted", 10,
                "reason", "COUNT"));

        Reply created = order(roaster, outlet, line(coffee, "30", "12.00"), line(sugar, "5", "1.10"));
        assertEquals(201, created.status(), created::toString);
        JsonObject po = created.json();
        long id = po.getJsonNumber("id").longValue();
        assertEquals("DRAFT", po.getString("status"));
        assertEquals(0, new BigDecimal("365.50").compareTo(dec(po, "total")));

        Reply early = receive(id, line(coffee, "1", "12"));
        assertEquals(422, early.status(), "a draft cannot be received");
        assertEquals("SENT", t.call("/api/v1/purchase-orders/" + id + "/send").post(obj()).json().getString("status"));
        assertEquals(422, t.call("/api/v1/purchase-orders/" + id + "/send").post(obj()).status(), "sent once");

        Reply part = receive(id, line(coffee, "10", "13.00"));
        assertEquals(200, part.status(), part::toString);
        assertEquals("PARTIALLY_RECEIVED", part.json().getString("status"));
        JsonObject level = level(t, outlet, coffee);
        assertEquals(0, new BigDecimal("20").compareTo(dec(level, "onHand")));
        // (10 × 10.00 + 10 × 13.00) / 20 = 11.50
        assertEquals(0, new BigDecimal("11.50").compareTo(dec(level, "averageCost")), level::toString);
        assertEquals(0, new BigDecimal("230.00").compareTo(dec(level, "value")));

        assertEquals(422, receive(id, line(coffee, "20.001", "12")).status(), "more than outstanding");
        assertEquals(422, cancelStatus(id), "a partly received order cannot be cancelled");
        Reply rest = receive(id, line(coffee, "20", "12.00"), line(sugar, "5", "1.10"));
        assertEquals(200, rest.status(), rest::toString);
        assertEquals("RECEIVED", rest.json().getString("status"));
        // (20 × 11.50 + 20 × 12.00) / 40 = 11.75
        assertEquals(0, new BigDecimal("11.75").compareTo(dec(level(t, outlet, coffee), "averageCost")));
        assertEquals(0, new BigDecimal("40").compareTo(dec(level(t, outlet, coffee), "onHand")));
        assertEquals(422, receive(id, line(sugar, "1", "1")).status(), "nothing left to receive");

        JsonObject purchase = t.call("/api/v1/outlets/" + outlet + "/stock/movements?stockItemId=" + coffee).get()
                .items().get(0);
        assertEquals("PURCHASE", purchase.getString("reason"));
        assertEquals("po:" + id, purchase.getString("reference"));
        assertEquals(0, new BigDecimal("12").compareTo(dec(purchase, "unitCost")));
    }

    private static int cancelStatus(long id) {
        return t.call("/api/v1/purchase-orders/" + id + "/cancel").post(obj()).status();
    }

    @Test
    void cancelledOrdersAndBadInputChangeNothing() {
        long rice = item(t, "RICE", "kg", "0", "2.00");
        long supplier = supplier(t, "Grains");
        assertEquals(400, order(supplier, outlet, line(rice, "-1", "2")).status());
        assertEquals(400, order(supplier, outlet, line(rice, "1", "-2")).status());
        assertEquals(400, order(supplier, outlet).status(), "no lines");
        assertEquals(400, order(supplier, outlet, line(999999999L, "1", "2")).status());
        assertEquals(400, order(999999999L, outlet, line(rice, "1", "2")).status());
        assertEquals(400, order(supplier, 999999999L, line(rice, "1", "2")).status());

        long id = order(supplier, outlet, line(rice, "5", "2")).json().getJsonNumber("id").longValue();
        t.call("/api/v1/purchase-orders/" + id + "/send").post(obj());
        assertEquals(400, receive(id, line(rice, "-1", "2")).status());
        assertEquals(422, receive(id, line(999999999L, "1", "2")).status(), "not on the order");
        assertEquals(200, cancelStatus(id));
        assertEquals("CANCELLED", t.call("/api/v1/purchase-orders/" + id).get().json().getString("status"));
        Reply late = receive(id, line(rice, "1", "2"));
        assertEquals(422, late.status());
        assertEquals("business-rule", late.kind());
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(level(t, outlet, rice), "onHand")));
        assertEquals(0, t.call("/api/v1/outlets/" + outlet + "/stock/movements?stockItemId=" + rice).get()
                .json().getInt("total"));
    }

    @Test
    void anotherTenantsSuppliersAndOrdersAreNotFound() {
        TestTenant other = Api.newTenant("purx");
        long otherOutlet = Api.createOutlet(other, "Theirs").getJsonNumber("id").longValue();
        long theirItem = item(other, "THEIRS", "g", "0", "1");
        Reply s = other.call("/api/v1/suppliers").post(obj("name", "Hidden Supplier"));
        long theirSupplier = s.json().getJsonNumber("id").longValue();
        long theirPo = other.call("/api/v1/purchase-orders").post(obj("supplierId", theirSupplier, "outletId",
                otherOutlet, "lines", Json.createArrayBuilder().add(line(theirItem, "1", "1")).build()))
                .json().getJsonNumber("id").longValue();

        assertEquals(404, t.call("/api/v1/suppliers/" + theirSupplier).get().status());
        assertEquals(404, t.call("/api/v1/suppliers/" + theirSupplier).put(obj("name", "Stolen")).status());
        assertEquals(404, t.call("/api/v1/purchase-orders/" + theirPo).get().status());
        assertEquals(404, t.call("/api/v1/purchase-orders/" + theirPo + "/send").post(obj()).status());
        assertEquals(404, t.call("/api/v1/purchase-orders/" + theirPo + "/cancel").post(obj()).status());
        assertEquals(404, receive(theirPo, line(theirItem, "1", "1")).status());
        assertFalse(t.call("/api/v1/suppliers?size=500").get().body().contains("Hidden Supplier"));
        assertTrue(t.call("/api/v1/purchase-orders?size=500").get().items().stream()
                .noneMatch(p -> p.getJsonNumber("id").longValue() == theirPo));
        assertEquals("DRAFT", other.call("/api/v1/purchase-orders/" + theirPo).get().json().getString("status"));
    }
}
