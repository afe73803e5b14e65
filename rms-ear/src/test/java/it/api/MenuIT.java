package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The chain menu, the menu as each outlet sells it (ETag, 304, overrides), bad input, isolation. */
class MenuIT {

    static TestTenant t;
    static long vat;
    static long mains;
    static long outlet1;
    static long outlet2;

    @BeforeAll
    static void chainWithTwoOutlets() {
        t = Api.newTenant("menu");
        vat = t.call("/api/v1/tax-rates").post(obj("name", "VAT 19", "rate", new BigDecimal("19.0"), "inclusive", true))
                .json().getJsonNumber("id").longValue();
        mains = t.call("/api/v1/menu/categories").post(obj("name", "Mains", "sortOrder", 1)).json().getJsonNumber("id").longValue();
        outlet1 = Api.createOutlet(t, "North").getJsonNumber("id").longValue();
        outlet2 = Api.createOutlet(t, "South").getJsonNumber("id").longValue();
    }

    static JsonObject burger(String sku, String price) {
        JsonArray groups = Json.createArrayBuilder().add(obj("name", "Extras", "min", 0, "max", 2, "modifiers",
                Json.createArrayBuilder().add(obj("name", "Cheese", "priceDelta", new BigDecimal("1.00")))
                        .add(obj("name", "Bacon", "priceDelta", new BigDecimal("1.50"))).build())).build();
        return obj("sku", sku, "name", "Burger " + sku, "description", "Beef", "categoryId", mains,
                "price", new BigDecimal(price), "taxRateId", vat, "station", "GRILL", "modifierGroups", groups);
    }

    static JsonObject itemIn(JsonObject menu, String sku) {
        for (JsonObject category : menu.getJsonArray("categories").getValuesAs(JsonObject.class)) {
            for (JsonObject item : category.getJsonArray("items").getValuesAs(JsonObject.class)) {
                if (item.getString("sku").equals(sku)) {
                    return item;
                }
            }
        }
        return null;
    }

    @Test
    void itemsWithModifierGroupsAreCreatedAndRead() {
        Reply created = t.call("/api/v1/menu/items").post(burger("B1", "9.50"));
        assertEquals(201, created.status(), created::toString);
        JsonObject item = t.call("/api/v1/menu/items/" + created.json().getJsonNumber("id")).get().json();
        assertEquals(new BigDecimal("9.50"), item.getJsonNumber("price").bigDecimalValue());
        JsonObject group = item.getJsonArray("modifierGroups").getJsonObject(0);
        assertEquals(2, group.getInt("max"));
        assertEquals(List.of("Cheese", "Bacon"), group.getJsonArray("modifiers").getValuesAs(JsonObject.class).stream()
                .map(m -> m.getString("name")).toList());
        assertEquals(409, t.call("/api/v1/menu/items").post(burger("B1", "1.00")).status(), "SKUs are unique");
    }

    @Test
    void invalidItemsAreRefusedWithEveryFieldAndNothingChanges() {
        long before = t.call("/api/v1/menu/items?size=500").get().json().getJsonNumber("total").longValue();
        JsonArray badGroups = Json.createArrayBuilder().add(obj("name", "Size", "min", 2, "max", 1, "modifiers",
                Json.createArrayBuilder().add(obj("name", "Small", "priceDelta", new BigDecimal("-99.00"))).build())).build();
        Reply reply = t.call("/api/v1/menu/items").post(obj("sku", "BAD", "name", "Bad", "categoryId", 987654321L,
                "price", new BigDecimal("-1.00"), "taxRateId", 987654321L, "station", "GRILL", "modifierGroups", badGroups));
        assertEquals(400, reply.status(), reply::toString);
        List<String> fields = reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.containsAll(List.of("price", "categoryId", "taxRateId", "modifierGroups[0].max")), fields::toString);
        assertEquals(before, t.call("/api/v1/menu/items?size=500").get().json().getJsonNumber("total").longValue());
        assertEquals(400, t.call("/api/v1/tax-rates").post(obj("name", "Silly", "rate", new BigDecimal("150"), "inclusive", false)).status());
    }

    @Test
    void subCategoriesGoOneLevelDeepAndOnlyEmptyCategoriesAreDeleted() {
        long drinks = t.call("/api/v1/menu/categories").post(obj("name", "Drinks")).json().getJsonNumber("id").longValue();
        long soft = t.call("/api/v1/menu/categories").post(obj("name", "Soft", "parentId", drinks)).json().getJsonNumber("id").longValue();
        Reply tooDeep = t.call("/api/v1/menu/categories").post(obj("name", "Cola", "parentId", soft));
        assertEquals(400, tooDeep.status(), tooDeep::toString);
        assertEquals(409, t.call("/api/v1/menu/categories/" + drinks).delete().status(), "it still has a sub-category");
        assertEquals(204, t.call("/api/v1/menu/categories/" + soft).delete().status());
        assertEquals(404, t.call("/api/v1/menu/categories/" + soft).get().status());
    }

    @Test
    void theOutletMenuCarriesAnEtagAndAnswers304UntilSomethingChanges() {
        long id = t.call("/api/v1/menu/items").post(burger("E1", "10.00")).json().getJsonNumber("id").longValue();
        Reply first = t.call("/api/v1/outlets/" + outlet1 + "/menu").get();
        assertEquals(200, first.status());
        String etag = first.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "a strong entity tag: " + etag);
        assertEquals(304, t.call("/api/v1/outlets/" + outlet1 + "/menu").header("If-None-Match", etag).get().status());

        JsonObject changed = burger("E1", "11.00");
        assertEquals(200, t.call("/api/v1/menu/items/" + id).put(changed).status());
        Reply after = t.call("/api/v1/outlets/" + outlet1 + "/menu").header("If-None-Match", etag).get();
        assertEquals(200, after.status(), "a price change invalidates the tag");
        assertNotEquals(etag, after.header("ETag"));
        assertEquals(new BigDecimal("11.00"), itemIn(after.json(), "E1").getJsonNumber("price").bigDecimalValue());
    }

    @Test
    void anOutletInheritsWhatItDoesNotOverride() {
        long id = t.call("/api/v1/menu/items").post(burger("O1", "8.00")).json().getJsonNumber("id").longValue();
        assertEquals(204, t.call("/api/v1/outlets/" + outlet1 + "/menu/items/" + id)
                .put(obj("price", new BigDecimal("8.90"), "available", true)).status());
        assertEquals(204, t.call("/api/v1/outlets/" + outlet2 + "/menu/items/" + id).put(obj("available", false)).status());

        JsonObject north = itemIn(t.call("/api/v1/outlets/" + outlet1 + "/menu").get().json(), "O1");
        JsonObject south = itemIn(t.call("/api/v1/outlets/" + outlet2 + "/menu").get().json(), "O1");
        assertEquals(new BigDecimal("8.90"), north.getJsonNumber("price").bigDecimalValue());
        assertTrue(north.getBoolean("available"));
        assertEquals(new BigDecimal("8.00"), south.getJsonNumber("price").bigDecimalValue(), "South keeps the chain price");
        assertFalse(south.getBoolean("available"));

        assertEquals(400, t.call("/api/v1/outlets/" + outlet1 + "/menu/items/" + id)
                .put(obj("price", new BigDecimal("-2"), "available", true)).status());

        assertEquals(204, t.call("/api/v1/menu/items/" + id).delete().status());
        assertEquals(null, itemIn(t.call("/api/v1/outlets/" + outlet1 + "/menu").get().json(), "O1"), "archived items are not sold");
        assertEquals(404, t.call("/api/v1/menu/items/" + id).get().status());
    }

    @Test
    void anotherTenantNeverSeesOrChangesThisMenu() {
        long id = t.call("/api/v1/menu/items").post(burger("ISO1", "5.00")).json().getJsonNumber("id").longValue();
        TestTenant other = Api.newTenant("menux");
        long otherOutlet = Api.createOutlet(other, "Elsewhere").getJsonNumber("id").longValue();
        assertEquals(404, other.call("/api/v1/menu/items/" + id).get().status());
        assertEquals(0, other.call("/api/v1/menu/items").get().json().getInt("total"));
        assertEquals(404, other.call("/api/v1/outlets/" + outlet1 + "/menu").get().status());
        assertEquals(404, other.call("/api/v1/outlets/" + otherOutlet + "/menu/items/" + id).put(obj("available", false)).status());
        assertEquals(404, other.call("/api/v1/menu/items/" + id).put(burger("ISO1", "0.01")).status());
        assertEquals(0, other.call("/api/v1/outlets/" + otherOutlet + "/menu").get().json().getJsonArray("categories").size());
        assertEquals(new BigDecimal("5.00"), t.call("/api/v1/menu/items/" + id).get().json().getJsonNumber("price").bigDecimalValue());
    }

    @Test
    void staffReadTheMenuButOnlyOwnersAndManagersChangeIt() {
        assertEquals(201, t.call("/api/v1/staff").post(obj("username", "kit", "displayName", "Kit", "roles", List.of("CASHIER"),
                "outletIds", List.of(outlet1), "pin", "8080")).status());
        String cashier = at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", outlet1, "pin", "8080"))
                .json().getString("access_token");
        assertEquals(200, at("/api/v1/outlets/" + outlet1 + "/menu").token(cashier).tenant(t.slug()).get().status());
        assertEquals(404, at("/api/v1/outlets/" + outlet2 + "/menu").token(cashier).tenant(t.slug()).get().status(),
                "outlet staff only see their outlets");
        assertEquals(403, at("/api/v1/menu/items").token(cashier).tenant(t.slug()).post(burger("NO", "1.00")).status());
    }
}
