package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What belongs to the whole chain is the owner's (outlets, tax rates), every price and tax change is
 * audited, and the till looks up one guest at a time instead of reading the customer list (issue 9,
 * item 10). Each finding is first tried as it was exploitable, then shown refused.
 */
class ChainOwnerAndCustomersIT {

    private static TestTenant chain;
    private static long outlet;
    private static String manager;
    private static String cashier;

    @BeforeAll
    static void chain() {
        chain = Api.newTenant("chainrules");
        outlet = Api.createOutlet(chain, "Harbour").getJsonNumber("id").longValue();
        manager = staff("mgr", "MANAGER");
        cashier = staff("till", "CASHIER");
    }

    private static String staff(String username, String role) {
        Reply created = chain.call("/api/v1/staff").post(obj("username", username, "displayName", username,
                "roles", List.of(role), "outletIds", List.of(outlet), "password", username + "-password"));
        assertEquals(201, created.status(), created.toString());
        return Api.login(chain.slug(), username, username + "-password");
    }

    private static Reply as(String token, String path, String method, JsonObject body) {
        return Api.at(path).token(token).tenant(chain.slug()).send(method, body);
    }

    @Test
    void aManagerCannotCreateOrChangeTaxRates() {
        JsonObject vat = chain.call("/api/v1/tax-rates").post(obj("name", "VAT 19", "rate", new BigDecimal("19"),
                "inclusive", true)).json();
        long id = vat.getJsonNumber("id").longValue();

        Reply create = as(manager, "/api/v1/tax-rates", "POST", obj("name", "Zero", "rate", BigDecimal.ZERO,
                "inclusive", true));
        assertEquals(403, create.status(), create.toString());
        Reply change = as(manager, "/api/v1/tax-rates/" + id, "PUT", obj("name", "VAT 19", "rate", BigDecimal.ZERO,
                "inclusive", true));
        assertEquals(403, change.status(), change.toString());
        assertEquals("urn:rms:problem:authorization", change.json().getString("type"));

        JsonObject now = chain.call("/api/v1/tax-rates/" + id).get().json();
        assertEquals(0, new BigDecimal("19").compareTo(now.getJsonNumber("rate").bigDecimalValue()), "unchanged");
        assertFalse(chain.call("/api/v1/tax-rates").get().raw().body().contains("Zero"), "nothing created");
        // the manager still reads them (the till prices with them)
        assertEquals(200, as(manager, "/api/v1/tax-rates/" + id, "GET", null).status());
    }

    @Test
    void aManagerCannotOpenOrChangeOutletsButStillRunsTables() {
        int before = chain.call("/api/v1/outlets").get().json().getInt("total");
        Reply open = as(manager, "/api/v1/outlets", "POST", obj("name", "Rogue", "address", "Side St 2",
                "timezone", "Europe/Berlin", "currency", "EUR"));
        assertEquals(403, open.status(), open.toString());
        Reply rename = as(manager, "/api/v1/outlets/" + outlet, "PUT", obj("name", "Renamed", "address", "Main St 1",
                "timezone", "Europe/Berlin", "currency", "EUR"));
        assertEquals(403, rename.status(), rename.toString());
        assertEquals(before, chain.call("/api/v1/outlets").get().json().getInt("total"), "no outlet opened");
        assertEquals("Harbour", chain.call("/api/v1/outlets/" + outlet).get().json().getString("name"), "not renamed");

        Reply table = as(manager, "/api/v1/outlets/" + outlet + "/tables", "POST", obj("label", "M1", "seats", 2));
        assertEquals(201, table.status(), table.toString());
    }

    @Test
    void everyPriceAndTaxChangeIsAudited() {
        long vat = chain.call("/api/v1/tax-rates").post(obj("name", "Food 7", "rate", new BigDecimal("7"),
                "inclusive", true)).json().getJsonNumber("id").longValue();
        long other = chain.call("/api/v1/tax-rates").post(obj("name", "Drinks 19", "rate", new BigDecimal("19"),
                "inclusive", true)).json().getJsonNumber("id").longValue();
        assertEquals(200, chain.call("/api/v1/tax-rates/" + vat).put(obj("name", "Food 7", "rate",
                new BigDecimal("5"), "inclusive", true)).status());
        long category = chain.call("/api/v1/menu/categories").post(obj("name", "Soups")).json()
                .getJsonNumber("id").longValue();
        long item = chain.call("/api/v1/menu/items").post(obj("sku", "SOUP", "name", "Soup", "categoryId", category,
                "price", new BigDecimal("4.50"), "taxRateId", vat, "station", "KITCHEN")).json()
                .getJsonNumber("id").longValue();
        Reply changed = chain.call("/api/v1/menu/items/" + item).put(obj("sku", "SOUP", "name", "Soup",
                "categoryId", category, "price", new BigDecimal("4.90"), "taxRateId", other, "station", "KITCHEN"));
        assertEquals(200, changed.status(), changed.toString());
        Reply override = as(manager, "/api/v1/outlets/" + outlet + "/menu/items/" + item, "PUT",
                obj("price", new BigDecimal("5.20"), "available", true));
        assertTrue(override.status() < 300, override.toString());

        List<JsonObject> audit = chain.call("/api/v1/audit?size=500").get().items();
        assertAudited(audit, "tax.rate.created", "Food 7 7% inclusive");
        assertAudited(audit, "tax.rate.changed", "Food 7 7% inclusive -> Food 7 5% inclusive");
        assertAudited(audit, "menu.item.created", "price=4.50");
        assertAudited(audit, "menu.price.changed", "4.50 -> 4.90");
        assertAudited(audit, "menu.tax.changed", "taxRate=" + vat + " -> " + other);
        assertAudited(audit, "menu.outlet.price.changed", "chain price -> 5.20");
        assertTrue(chain.call("/api/v1/audit/verify").get().json().getBoolean("valid"), "the chain of entries holds");
    }

    private static void assertAudited(List<JsonObject> audit, String action, String detail) {
        assertTrue(audit.stream().anyMatch(a -> a.getString("action").equals(action)
                && a.containsKey("detail") && !a.isNull("detail") && a.getString("detail").contains(detail)),
                () -> action + " with '" + detail + "' in " + audit);
    }

    @Test
    void theTillLooksUpOneGuestAndDoesNotReadTheList() {
        for (int i = 0; i < 25; i++) {
            Reply created = chain.call("/api/v1/customers").post(obj("name", "Annabel " + (char) ('A' + i),
                    "phone", "+4917000000" + String.format("%02d", i), "email", "annabel" + i + "@example.org"));
            assertEquals(201, created.status(), created.toString());
        }
        // the finding: an empty search listed every customer with full contact data
        Reply everyone = as(cashier, "/api/v1/customers", "GET", null);
        assertEquals(400, everyone.status(), everyone.toString());
        assertEquals("q", everyone.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals(400, as(cashier, "/api/v1/customers?q=an", "GET", null).status(), "two characters");

        Reply some = as(cashier, "/api/v1/customers?q=ann&size=500&page=1", "GET", null);
        assertEquals(200, some.status(), some.toString());
        List<JsonObject> found = some.items();
        assertEquals(20, found.size(), "at most 20 at the till, whatever is asked");
        for (JsonObject c : found) {
            assertFalse(c.getString("phone").startsWith("+4917"), "masked: " + c);
            assertTrue(c.getString("email").startsWith("a***@"), "masked: " + c);
        }

        JsonObject exact = as(cashier, "/api/v1/customers?q=%2B491700000007", "GET", null).items().get(0);
        assertEquals("+491700000007", exact.getString("phone"), "an exact phone shows that guest");
        JsonObject byEmail = as(cashier, "/api/v1/customers?q=annabel3@example.org", "GET", null).items().get(0);
        assertEquals("annabel3@example.org", byEmail.getString("email"));

        long id = exact.getJsonNumber("id").longValue();
        JsonObject read = as(cashier, "/api/v1/customers/" + id, "GET", null).json();
        assertFalse(read.getString("phone").startsWith("+4917"), "reading by id at the till is masked too: " + read);

        Reply list = as(manager, "/api/v1/customers?size=10&page=2", "GET", null);
        assertEquals(25, list.json().getInt("total"), "managers list the whole book, paged");
        assertEquals(5, list.items().size());
        assertTrue(as(manager, "/api/v1/customers/" + id, "GET", null).json().getString("phone").startsWith("+4917"));

        TestTenant stranger = Api.newTenant("chainrules_b");
        assertEquals(0, stranger.call("/api/v1/customers?q=ann").get().json().getInt("total"));
        assertEquals(404, stranger.call("/api/v1/customers/" + id).get().status());
    }
}
