package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Outlet staff see and touch their own outlets only, in every endpoint group that scopes by outlet:
 * outlets, menu, stock, purchasing, orders, receipts, kitchen, cash drawers, analytics (issue 9,
 * item 1: "no outlets never means all outlets — in every query that scopes by outlet"). The
 * tenant's second outlet has an order sent to the kitchen, an open drawer and a purchase order,
 * made by the owner; the first outlet's manager and cashier must not reach any of it.
 */
class OutletScopeIT {

    private static Shop shop;
    private static long other;
    private static long order;
    private static long drawer;
    private static long purchaseOrder;

    @BeforeAll
    static void twoOutlets() {
        shop = Shop.open("outletscope");
        other = Api.createOutlet(shop.tenant, "Uptown").getJsonNumber("id").longValue();
        Reply counted = shop.tenant.call("/api/v1/outlets/" + other + "/stock/adjustments").post(obj(
                "stockItemId", shop.lemons, "counted", new BigDecimal("40"), "reason", "COUNT"));
        assertEquals(200, counted.status(), counted.toString());
        Reply created = shop.tenant.call("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("outletId", other, "channel", "TAKEAWAY", "lines", Json.createArrayBuilder()
                        .add(shop.lemonadeLine(1)).build()));
        assertEquals(201, created.status(), created.toString());
        order = created.json().getJsonNumber("id").longValue();
        Reply sent = shop.tenant.call("/api/v1/orders/" + order + "/send").post(obj());
        assertEquals(200, sent.status(), sent.toString());
        Reply opened = shop.tenant.call("/api/v1/outlets/" + other + "/cash-sessions")
                .post(obj("openingFloat", new BigDecimal("50.00")));
        assertEquals(201, opened.status(), opened.toString());
        drawer = opened.json().getJsonNumber("id").longValue();
        long supplier = shop.tenant.call("/api/v1/suppliers").post(obj("name", "Fresh Co")).json()
                .getJsonNumber("id").longValue();
        Reply po = shop.tenant.call("/api/v1/purchase-orders").post(obj("supplierId", supplier, "outletId", other,
                "lines", Json.createArrayBuilder().add(obj("stockItemId", shop.lemons, "quantity", new BigDecimal("10"),
                        "unitCost", new BigDecimal("0.40"))).build()));
        assertEquals(201, po.status(), po.toString());
        purchaseOrder = po.json().getJsonNumber("id").longValue();
    }

    private static Reply get(String token, String path) {
        return shop.as(token, path).get();
    }

    @Test
    void theOtherOutletIsNotThereForTheFirstOutletsStaff() {
        for (String token : List.of(shop.manager, shop.cashier)) {
            List<JsonObject> outlets = get(token, "/api/v1/outlets").items();
            assertEquals(List.of(shop.outlet), outlets.stream().map(o -> o.getJsonNumber("id").longValue()).toList());
            for (String path : List.of("/api/v1/outlets/" + other, "/api/v1/outlets/" + other + "/menu",
                    "/api/v1/outlets/" + other + "/stock", "/api/v1/outlets/" + other + "/tables",
                    "/api/v1/outlets/" + other + "/kitchen/tickets",
                    "/api/v1/outlets/" + other + "/cash-sessions/current", "/api/v1/cash-sessions/" + drawer,
                    "/api/v1/orders/" + order, "/api/v1/orders/" + order + "/receipt")) {
                Reply reply = get(token, path);
                assertEquals(404, reply.status(), path + ": " + reply);
                assertEquals("urn:rms:problem:not-found", reply.json().getString("type"), path);
            }
            Reply orders = get(token, "/api/v1/orders");
            assertEquals(200, orders.status(), orders.toString());
            assertFalse(orders.raw().body().contains("\"outletId\":" + other), "no order of the other outlet listed");
        }
    }

    @Test
    void theManagerSeesNeitherItsPurchaseOrdersNorItsSales() {
        Reply list = get(shop.manager, "/api/v1/purchase-orders");
        assertEquals(200, list.status(), list.toString());
        assertTrue(list.items().stream().noneMatch(p -> p.getJsonNumber("id").longValue() == purchaseOrder));
        assertEquals(404, get(shop.manager, "/api/v1/purchase-orders/" + purchaseOrder).status());
        assertEquals(404, get(shop.manager, "/api/v1/analytics/sales?outletId=" + other).status());
    }

    @Test
    void nothingAtTheOtherOutletCanBeChangedByTheFirstOutletsStaff() {
        Reply sale = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("outletId", other, "channel", "TAKEAWAY", "lines", Json.createArrayBuilder()
                        .add(shop.lemonadeLine(1)).build()));
        assertEquals(404, sale.status(), sale.toString());
        Reply waste = shop.as(shop.manager, "/api/v1/outlets/" + other + "/stock/adjustments").post(obj(
                "stockItemId", shop.lemons, "delta", new BigDecimal("-5"), "reason", "WASTE", "note", "spoiled"));
        assertEquals(404, waste.status(), waste.toString());
        Reply price = shop.as(shop.manager, "/api/v1/outlets/" + other + "/menu/items/" + shop.lemonade)
                .put(obj("price", new BigDecimal("0.10"), "available", true));
        assertEquals(404, price.status(), price.toString());
        Reply close = shop.as(shop.manager, "/api/v1/cash-sessions/" + drawer + "/close")
                .post(obj("countedCash", new BigDecimal("0")));
        assertEquals(404, close.status(), close.toString());
        Reply voided = shop.as(shop.manager, "/api/v1/orders/" + order + "/void").post(obj("reason", "not mine"));
        assertEquals(404, voided.status(), voided.toString());

        JsonObject still = shop.tenant.call("/api/v1/orders/" + order).get().json();
        assertEquals("SENT", still.getString("status"), "the other outlet's order is untouched");
        JsonObject drawerNow = shop.tenant.call("/api/v1/cash-sessions/" + drawer).get().json();
        assertEquals("OPEN", drawerNow.getString("status"), "its drawer is still open");
    }
}
