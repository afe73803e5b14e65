package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * From menu to stock: recipes for an item and for a modifier (in units that convert to the stock
 * item's), and the outlet's answer to "can we make these lines now".
 */
class RecipeAvailabilityIT {

    static TestTenant t;
    static long outlet;
    static long burger;
    static long cheeseModifier;
    static long beef;
    static long cheese;

    @BeforeAll
    static void aBurgerWithExtraCheese() {
        t = Api.newTenant("recipe");
        outlet = Api.createOutlet(t, "Grill").getJsonNumber("id").longValue();
        long vat = t.call("/api/v1/tax-rates").post(obj("name", "VAT", "rate", new BigDecimal("7"), "inclusive", true))
                .json().getJsonNumber("id").longValue();
        long mains = t.call("/api/v1/menu/categories").post(obj("name", "Mains")).json().getJsonNumber("id").longValue();
        JsonArray groups = Json.createArrayBuilder().add(obj("name", "Extras", "min", 0, "max", 1, "modifiers",
                Json.createArrayBuilder().add(obj("name", "Extra cheese", "priceDelta", new BigDecimal("1.00"))).build())).build();
        JsonObject item = t.call("/api/v1/menu/items").post(obj("sku", "BURGER", "name", "Burger", "categoryId", mains,
                "price", new BigDecimal("9.90"), "taxRateId", vat, "station", "GRILL", "modifierGroups", groups)).json();
        burger = item.getJsonNumber("id").longValue();
        cheeseModifier = item.getJsonArray("modifierGroups").getJsonObject(0).getJsonArray("modifiers").getJsonObject(0)
                .getJsonNumber("id").longValue();
        beef = stockItem("BEEF", "kg");
        cheese = stockItem("CHEESE", "g");
    }

    static long stockItem(String sku, String unit) {
        Reply r = t.call("/api/v1/inventory/items").post(obj("sku", sku, "name", sku, "unit", unit,
                "reorderLevel", new BigDecimal("0"), "unitCost", new BigDecimal("1.00")));
        assertEquals(201, r.status(), r::toString);
        return r.json().getJsonNumber("id").longValue();
    }

    static JsonObject line(long item, List<Long> modifiers, int quantity) {
        return obj("menuItemId", item, "modifierIds", modifiers, "quantity", quantity);
    }

    static Reply check(JsonObject... lines) {
        var array = Json.createArrayBuilder();
        for (JsonObject l : lines) {
            array.add(l);
        }
        return t.call("/api/v1/outlets/" + outlet + "/stock/availability").post(obj("lines", array.build()));
    }

    @Test
    void recipesConvertUnitsAndTheOutletSaysWhatItCanMake() {
        // 150 g of beef per burger, for a stock item kept in kg; 20 g of cheese per extra
        Reply recipe = t.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("150"), "unit", "g")).build());
        assertEquals(200, recipe.status(), recipe::toString);
        assertEquals(200, t.call("/api/v1/menu/modifiers/" + cheeseModifier + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", cheese, "quantity", new BigDecimal("20"))).build()).status());

        // an empty outlet can make nothing
        Reply none = check(line(burger, List.of(), 1));
        assertEquals(200, none.status(), none::toString);
        assertFalse(none.json().getBoolean("available"));

        String adjust = "/api/v1/outlets/" + outlet + "/stock/adjustments";
        assertEquals(200, t.call(adjust).post(obj("stockItemId", beef, "counted", new BigDecimal("0.3"), "reason", "COUNT")).status());
        assertEquals(200, t.call(adjust).post(obj("stockItemId", cheese, "counted", new BigDecimal("30"), "reason", "COUNT")).status());

        assertTrue(check(line(burger, List.of(), 2)).json().getBoolean("available"), "0.3 kg makes two 150 g burgers");
        JsonObject three = check(line(burger, List.of(), 2), line(burger, List.of(), 1)).json();
        assertFalse(three.getBoolean("available"));
        JsonObject shortage = three.getJsonArray("shortages").getJsonObject(0);
        assertEquals(1, shortage.getInt("line"), "the second line is the one that runs out");
        assertEquals("BEEF", shortage.getString("sku"));
        assertEquals(0, new BigDecimal("0.45").compareTo(shortage.getJsonNumber("required").bigDecimalValue()));

        JsonObject cheesy = check(line(burger, List.of(cheeseModifier), 2)).json();
        assertFalse(cheesy.getBoolean("available"), "two extras need 40 g of cheese, there are 30");
        assertEquals("CHEESE", cheesy.getJsonArray("shortages").getJsonObject(0).getString("sku"));
        assertTrue(check(line(burger, List.of(cheeseModifier), 1)).json().getBoolean("available"));
    }

    @Test
    void aBatchOperatorReadsStockAndRecipesButChangesNothing() {
        assertEquals(201, t.call("/api/v1/staff").post(obj("username", "bo", "displayName", "Batch Op",
                "roles", List.of("BATCH_OPERATOR"), "outletIds", List.of(outlet), "password", "batch-password")).status());
        String operator = Api.login(t.slug(), "bo", "batch-password");
        assertEquals(200, Api.at("/api/v1/outlets/" + outlet + "/stock").token(operator).tenant(t.slug()).get().status());
        assertEquals(200, Api.at("/api/v1/outlets/" + outlet + "/stock/movements").token(operator).tenant(t.slug()).get().status());
        assertEquals(200, Api.at("/api/v1/menu/items/" + burger + "/recipe").token(operator).tenant(t.slug()).get().status());
        assertEquals(200, Api.at("/api/v1/purchase-orders").token(operator).tenant(t.slug()).get().status());
        Reply change = Api.at("/api/v1/outlets/" + outlet + "/stock/adjustments").token(operator).tenant(t.slug())
                .post(obj("stockItemId", beef, "delta", new BigDecimal("-0.1"), "reason", "WASTE"));
        assertEquals(403, change.status(), change::toString);
    }

    @Test
    void badRecipesAndChecksAreRefused() {
        Reply incompatible = t.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("1"), "unit", "ml")).build());
        assertEquals(400, incompatible.status(), "grams of beef do not convert from millilitres: " + incompatible);
        Reply negative = t.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("-1"))).build());
        assertEquals(400, negative.status(), negative::toString);
        Reply vanishing = t.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("0.4"), "unit", "g")).build());
        assertEquals(400, vanishing.status(), "0.4 g is below the 0.001 kg the ledger counts beef in: " + vanishing);
        assertEquals(400, check().status(), "no lines");
        assertEquals(400, check(line(burger, List.of(), 0)).status(), "zero portions");

        TestTenant other = Api.newTenant("recipex");
        long otherOutlet = Api.createOutlet(other, "Elsewhere").getJsonNumber("id").longValue();
        assertEquals(404, other.call("/api/v1/menu/items/" + burger + "/recipe").get().status());
        assertEquals(404, other.call("/api/v1/outlets/" + outlet + "/stock/availability")
                .post(obj("lines", Json.createArrayBuilder().add(line(burger, List.of(), 1)).build())).status());
        Reply foreignItem = other.call("/api/v1/outlets/" + otherOutlet + "/stock/availability")
                .post(obj("lines", Json.createArrayBuilder().add(line(burger, List.of(), 1)).build()));
        assertTrue(foreignItem.status() == 404 || foreignItem.status() == 400, "another tenant's menu item is unknown: " + foreignItem);
    }
}
