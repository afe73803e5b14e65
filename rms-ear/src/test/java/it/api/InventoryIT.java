package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Stock items, outlet stock (levels, adjustments, counts, transfers, the ledger), recipes' edges, isolation. */
class InventoryIT {

    static TestTenant t;
    static TestTenant other;
    static long outlet;
    static long outlet2;

    @BeforeAll
    static void chain() {
        t = Api.newTenant("inv");
        other = Api.newTenant("invx");
        outlet = Api.createOutlet(t, "Kitchen One").getJsonNumber("id").longValue();
        outlet2 = Api.createOutlet(t, "Kitchen Two").getJsonNumber("id").longValue();
    }

    static long item(TestTenant tenant, String sku, String unit, String reorder, String cost) {
        Reply r = tenant.call("/api/v1/inventory/items").post(obj("sku", sku, "name", sku + " name", "unit", unit,
                "reorderLevel", new BigDecimal(reorder), "unitCost", new BigDecimal(cost)));
        assertEquals(201, r.status(), r::toString);
        return r.json().getJsonNumber("id").longValue();
    }

    static BigDecimal dec(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    static JsonObject level(TestTenant tenant, long outletId, long itemId) {
        return tenant.call("/api/v1/outlets/" + outletId + "/stock?size=500").get().items().stream()
                .filter(l -> l.getJsonNumber("stockItemId").longValue() == itemId).findFirst().orElseThrow();
    }

    private static void assertProblem(Reply r, int status, String kind) {
        assertEquals(status, r.status(), r::toString);
        assertTrue(r.header("Content-Type").startsWith("application/problem+json"), r::toString);
        assertEquals(kind, r.kind());
    }

    @Test
    void stockItemsAreCreatedReadUpdatedAndListed() {
        long flour = item(t, "FLOUR", "kg", "5", "1.25");
        JsonObject got = t.call("/api/v1/inventory/items/" + flour).get().json();
        assertEquals("kg", got.getString("unit"));
        assertEquals(0, new BigDecimal("1.25").compareTo(dec(got, "unitCost")));
        assertEquals(0, new BigDecimal("1.25").compareTo(dec(got, "averageCost")));
        Reply put = t.call("/api/v1/inventory/items/" + flour).put(obj("sku", "FLOUR", "name", "Wheat flour",
                "unit", "kg", "reorderLevel", new BigDecimal("8"), "unitCost", new BigDecimal("1.40")));
        assertEquals(200, put.status(), put::toString);
        assertEquals("Wheat flour", put.json().getString("name"));
        assertTrue(t.call("/api/v1/inventory/items").get().items().stream()
                .anyMatch(i -> i.getString("sku").equals("FLOUR")));
        assertProblem(t.call("/api/v1/inventory/items").post(obj("sku", "FLOUR", "name", "again", "unit", "g",
                "reorderLevel", 0, "unitCost", 0)), 409, "conflict");
        assertProblem(t.call("/api/v1/inventory/items/" + flour).put(obj("sku", "FLOUR", "name", "x", "unit", "g",
                "reorderLevel", 0, "unitCost", 0)), 422, "business-rule");
    }

    @Test
    void badStockItemsAreRefusedWithFieldErrorsAndNothingIsStored() {
        long before = t.call("/api/v1/inventory/items").get().json().getInt("total");
        Reply r = t.call("/api/v1/inventory/items").post(obj("sku", "BAD", "name", "Bad", "unit", "lb",
                "reorderLevel", new BigDecimal("-1"), "unitCost", new BigDecimal("0.12345")));
        assertProblem(r, 400, "validation");
        List<String> fields = r.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("unit", "reorderLevel", "unitCost")), r::toString);
        assertProblem(t.call("/api/v1/inventory/items").post(obj("sku", "", "unit", "g")), 400, "validation");
        assertProblem(t.call("/api/v1/inventory/items").post(Json.createValue("not an object")), 400, "validation");
        assertEquals(before, t.call("/api/v1/inventory/items").get().json().getInt("total"));
        assertProblem(t.call("/api/v1/inventory/items/999999999").get(), 404, "not-found");
    }

    @Test
    void adjustmentsCountsAndTheLedgerAgree() {
        long milk = item(t, "MILK", "l", "2", "0.90");
        String stock = "/api/v1/outlets/" + outlet + "/stock";
        Reply count = t.call(stock + "/adjustments").post(obj("stockItemId", milk, "counted", new BigDecimal("10"),
                "reason", "COUNT"));
        assertEquals(200, count.status(), count::toString);
        assertEquals(0, BigDecimal.TEN.compareTo(dec(count.json(), "onHand")));
        Reply waste = t.call(stock + "/adjustments").post(obj("stockItemId", milk, "delta", new BigDecimal("-1.5"),
                "reason", "WASTE", "note", "spilt"));
        assertEquals(200, waste.status(), waste::toString);
        Reply fix = t.call(stock + "/adjustments").post(obj("stockItemId", milk, "delta", new BigDecimal("0.5"),
                "reason", "CORRECTION", "note", "miscounted"));
        assertEquals(0, new BigDecimal("9").compareTo(dec(fix.json(), "onHand")));

        JsonObject level = level(t, outlet, milk);
        assertEquals(0, new BigDecimal("9").compareTo(dec(level, "onHand")));
        assertEquals(0, new BigDecimal("8.10").compareTo(dec(level, "value")), "9 l × 0.90");
        assertFalse(level.getBoolean("lowStock"));
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(level(t, outlet2, milk), "onHand")), "other outlet untouched");

        Reply recount = t.call(stock + "/adjustments").post(obj("stockItemId", milk, "counted", new BigDecimal("7"),
                "reason", "COUNT"));
        assertEquals(0, new BigDecimal("7").compareTo(dec(recount.json(), "onHand")));

        Reply movements = t.call(stock + "/movements?stockItemId=" + milk).get();
        assertEquals(200, movements.status(), movements::toString);
        List<JsonObject> ledger = movements.items();
        assertEquals(4, movements.json().getInt("total"));
        assertEquals(List.of("COUNT", "CORRECTION", "WASTE", "COUNT"), ledger.stream().map(m -> m.getString("reason")).toList());
        BigDecimal sum = ledger.stream().map(m -> dec(m, "quantity")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, new BigDecimal("7").compareTo(sum), "on-hand is the sum of the ledger");
        assertEquals(0, new BigDecimal("-2").compareTo(dec(ledger.get(0), "quantity")), "a count posts the difference");
        assertEquals("boss", ledger.get(0).getString("username"));
        assertEquals(1, t.call(stock + "/movements?stockItemId=" + milk + "&page=1&size=3").get().items().size());
        assertEquals(0, t.call(stock + "/movements?stockItemId=" + milk + "&from=2999-01-01T00:00:00Z").get()
                .json().getInt("total"));
        assertProblem(t.call(stock + "/movements?from=yesterday").get(), 400, "validation");
    }

    @Test
    void strictStockNeverGoesBelowZeroAndBadAdjustmentsChangeNothing() {
        long eggs = item(t, "EGGS", "each", "0", "0.20");
        String adj = "/api/v1/outlets/" + outlet + "/stock/adjustments";
        assertEquals(200, t.call(adj).post(obj("stockItemId", eggs, "counted", 3, "reason", "COUNT")).status());
        assertProblem(t.call(adj).post(obj("stockItemId", eggs, "delta", -4, "reason", "WASTE")), 422, "business-rule");
        assertProblem(t.call(adj).post(obj("stockItemId", eggs, "delta", 2, "reason", "WASTE")), 400, "validation");
        assertProblem(t.call(adj).post(obj("stockItemId", eggs, "delta", -1, "reason", "THEFT")), 400, "validation");
        assertProblem(t.call(adj).post(obj("stockItemId", eggs, "counted", -1, "reason", "COUNT")), 400, "validation");
        assertProblem(t.call(adj).post(obj("stockItemId", eggs, "delta", new BigDecimal("-0.0001"),
                "reason", "CORRECTION")), 400, "validation");
        assertProblem(t.call(adj).post(obj("stockItemId", 999999999L, "delta", -1, "reason", "WASTE")), 400, "validation");
        assertProblem(t.call("/api/v1/outlets/999999999/stock/adjustments").post(obj("stockItemId", eggs,
                "delta", -1, "reason", "WASTE")), 404, "not-found");
        assertEquals(0, new BigDecimal("3").compareTo(dec(level(t, outlet, eggs), "onHand")));
        assertEquals(1, t.call("/api/v1/outlets/" + outlet + "/stock/movements?stockItemId=" + eggs).get()
                .json().getInt("total"), "only the count was posted");

        // an item allowed to go negative may
        Reply lax = t.call("/api/v1/inventory/items").post(obj("sku", "ICE", "name", "Ice", "unit", "kg",
                "reorderLevel", 0, "unitCost", 0, "allowNegative", true));
        long ice = lax.json().getJsonNumber("id").longValue();
        Reply below = t.call(adj).post(obj("stockItemId", ice, "delta", -2, "reason", "WASTE"));
        assertEquals(200, below.status(), below::toString);
        assertEquals(0, new BigDecimal("-2").compareTo(dec(below.json(), "onHand")));
    }

    @Test
    void transfersMoveStockBetweenOutletsAsTwoPairedMovements() {
        long oil = item(t, "OIL", "l", "0", "3.00");
        String from = "/api/v1/outlets/" + outlet + "/stock";
        t.call(from + "/adjustments").post(obj("stockItemId", oil, "counted", 10, "reason", "COUNT"));
        Reply r = t.call(from + "/transfers").post(obj("toOutletId", outlet2, "stockItemId", oil,
                "quantity", new BigDecimal("4.25")));
        assertEquals(200, r.status(), r::toString);
        assertEquals(0, new BigDecimal("5.75").compareTo(dec(r.json().getJsonObject("from"), "onHand")));
        assertEquals(0, new BigDecimal("4.25").compareTo(dec(r.json().getJsonObject("to"), "onHand")));
        String reference = r.json().getString("reference");
        JsonObject in = t.call("/api/v1/outlets/" + outlet2 + "/stock/movements?stockItemId=" + oil).get().items().get(0);
        assertEquals("TRANSFER_IN", in.getString("reason"));
        assertEquals(reference, in.getString("reference"));

        assertProblem(t.call(from + "/transfers").post(obj("toOutletId", outlet2, "stockItemId", oil,
                "quantity", 100)), 422, "business-rule");
        assertProblem(t.call(from + "/transfers").post(obj("toOutletId", outlet2, "stockItemId", oil,
                "quantity", -1)), 400, "validation");
        assertProblem(t.call(from + "/transfers").post(obj("toOutletId", outlet, "stockItemId", oil,
                "quantity", 1)), 400, "validation");
        assertEquals(0, new BigDecimal("5.75").compareTo(dec(level(t, outlet, oil), "onHand")));
        assertEquals(0, new BigDecimal("4.25").compareTo(dec(level(t, outlet2, oil), "onHand")));
    }

    @Test
    void recipesOfUnknownMenuItemsOrModifiersAreNotFound() {
        long salt = item(t, "SALT", "g", "0", "0.01");
        for (String path : List.of("/api/v1/menu/items/999999999/recipe", "/api/v1/menu/modifiers/999999999/recipe")) {
            assertProblem(t.call(path).get(), 404, "not-found");
            assertProblem(t.call(path).put(Json.createArrayBuilder()
                    .add(obj("stockItemId", salt, "quantity", 1)).build()), 404, "not-found");
        }
    }

    @Test
    void anotherTenantsInventoryIsNotFoundAndNotListed() {
        long secret = item(other, "SECRET", "g", "0", "1");
        long otherOutlet = Api.createOutlet(other, "Elsewhere").getJsonNumber("id").longValue();
        other.call("/api/v1/outlets/" + otherOutlet + "/stock/adjustments")
                .post(obj("stockItemId", secret, "counted", 50, "reason", "COUNT"));

        assertProblem(t.call("/api/v1/inventory/items/" + secret).get(), 404, "not-found");
        assertProblem(t.call("/api/v1/inventory/items/" + secret).put(obj("sku", "SECRET", "name", "Mine",
                "unit", "g", "reorderLevel", 0, "unitCost", 0)), 404, "not-found");
        assertFalse(t.call("/api/v1/inventory/items?size=500").get().body().contains("SECRET"));
        assertProblem(t.call("/api/v1/outlets/" + otherOutlet + "/stock").get(), 404, "not-found");
        assertProblem(t.call("/api/v1/outlets/" + otherOutlet + "/stock/movements").get(), 404, "not-found");
        assertProblem(t.call("/api/v1/outlets/" + outlet + "/stock/adjustments").post(obj("stockItemId", secret,
                "delta", -1, "reason", "WASTE")), 400, "validation");
        assertProblem(t.call("/api/v1/outlets/" + outlet + "/stock/transfers").post(obj("toOutletId", otherOutlet,
                "stockItemId", secret, "quantity", 1)), 400, "validation");
        assertFalse(t.call("/api/v1/outlets/" + outlet + "/stock?size=500").get().body().contains("SECRET"));
        assertEquals(0, new BigDecimal("50").compareTo(dec(level(other, otherOutlet, secret), "onHand")));
    }

    @Test
    void outletStaffReadTheirOutletsStockOnlyAndCannotWrite() {
        long beans = item(t, "BEANS", "kg", "1", "9.00");
        assertEquals(201, t.call("/api/v1/staff").post(obj("username", "kit", "displayName", "Kit", "roles",
                List.of("KITCHEN"), "outletIds", List.of(outlet), "pin", "4242")).status());
        String kitchen = Api.at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outlet, "pin", "4242"))
                .json().getString("access_token");
        Reply mine = Api.at("/api/v1/outlets/" + outlet + "/stock").token(kitchen).tenant(t.slug()).get();
        assertEquals(200, mine.status(), mine::toString);
        assertProblem(Api.at("/api/v1/outlets/" + outlet2 + "/stock").token(kitchen).tenant(t.slug()).get(),
                404, "not-found");
        assertProblem(Api.at("/api/v1/outlets/" + outlet + "/stock/adjustments").token(kitchen).tenant(t.slug())
                .post(obj("stockItemId", beans, "delta", -1, "reason", "WASTE")), 403, "authorization");
        assertProblem(Api.at("/api/v1/inventory/items").token(kitchen).tenant(t.slug()).get(), 403, "authorization");
    }
}
