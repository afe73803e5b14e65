package it;

import static it.Api.obj;

import it.Api.Call;
import it.Api.Reply;
import it.Api.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A trading outlet in a fresh tenant, for the point-of-sale tests: a burger (19 % VAT inclusive,
 * station GRILL, an "Extras" group of 0–2 with cheese +1.00 and bacon +1.50, and a required "Doneness"
 * group of exactly 1) and a lemonade (7 % tax exclusive, station BAR), recipes on beef, cheese and
 * lemons with opening stock, a cashier (PIN 1111) and a manager (PIN 2222) signed in at the outlet.
 */
public final class Shop {

    public final TestTenant tenant;
    public final long outlet;
    public final long table;
    public final long burger;
    public final long cheese;
    public final long bacon;
    public final long rare;
    public final long wellDone;
    public final long lemonade;
    public final long beef;
    public final long lemons;
    public final String cashier;
    public final String manager;

    private Shop(String prefix, BigDecimal beefOnHand) {
        tenant = Api.newTenant(prefix);
        outlet = Api.createOutlet(tenant, "Diner").getJsonNumber("id").longValue();
        table = tenant.call("/api/v1/outlets/" + outlet + "/tables").post(obj("label", "T1", "seats", 4)).json()
                .getJsonNumber("id").longValue();
        long vat = id(tenant.call("/api/v1/tax-rates").post(obj("name", "VAT 19", "rate", new BigDecimal("19"), "inclusive", true)));
        long salesTax = id(tenant.call("/api/v1/tax-rates").post(obj("name", "Tax 7", "rate", new BigDecimal("7"), "inclusive", false)));
        long mains = id(tenant.call("/api/v1/menu/categories").post(obj("name", "Mains")));
        long drinks = id(tenant.call("/api/v1/menu/categories").post(obj("name", "Drinks")));
        JsonArray groups = Json.createArrayBuilder()
                .add(obj("name", "Extras", "min", 0, "max", 2, "modifiers", Json.createArrayBuilder()
                        .add(obj("name", "Cheese", "priceDelta", new BigDecimal("1.00")))
                        .add(obj("name", "Bacon", "priceDelta", new BigDecimal("1.50"))).build()))
                .add(obj("name", "Doneness", "min", 1, "max", 1, "modifiers", Json.createArrayBuilder()
                        .add(obj("name", "Rare", "priceDelta", new BigDecimal("0.00")))
                        .add(obj("name", "Well done", "priceDelta", new BigDecimal("0.00"))).build()))
                .build();
        JsonObject item = created(tenant.call("/api/v1/menu/items").post(obj("sku", "BURGER", "name", "Burger",
                "categoryId", mains, "price", new BigDecimal("9.90"), "taxRateId", vat, "station", "GRILL",
                "modifierGroups", groups)));
        burger = item.getJsonNumber("id").longValue();
        JsonArray extras = item.getJsonArray("modifierGroups").getJsonObject(0).getJsonArray("modifiers");
        JsonArray doneness = item.getJsonArray("modifierGroups").getJsonObject(1).getJsonArray("modifiers");
        cheese = extras.getJsonObject(0).getJsonNumber("id").longValue();
        bacon = extras.getJsonObject(1).getJsonNumber("id").longValue();
        rare = doneness.getJsonObject(0).getJsonNumber("id").longValue();
        wellDone = doneness.getJsonObject(1).getJsonNumber("id").longValue();
        lemonade = id(tenant.call("/api/v1/menu/items").post(obj("sku", "LEMONADE", "name", "Lemonade",
                "categoryId", drinks, "price", new BigDecimal("3.50"), "taxRateId", salesTax, "station", "BAR")));
        beef = stockItem("BEEF", "kg");
        long cheeseStock = stockItem("CHEESE", "g");
        lemons = stockItem("LEMON", "each");
        expect(tenant.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("150"), "unit", "g")).build()), 200);
        expect(tenant.call("/api/v1/menu/modifiers/" + cheese + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", cheeseStock, "quantity", new BigDecimal("20"))).build()), 200);
        expect(tenant.call("/api/v1/menu/items/" + lemonade + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", lemons, "quantity", new BigDecimal("1"))).build()), 200);
        count(beef, beefOnHand);
        count(cheeseStock, new BigDecimal("2000"));
        count(lemons, new BigDecimal("100"));
        cashier = staff("cashier", "CASHIER", "1111");
        manager = staff("manager", "MANAGER", "2222");
    }

    /** A shop with 3 kg of beef (20 burgers). */
    public static Shop open(String prefix) {
        return new Shop(prefix, new BigDecimal("3"));
    }

    /** A shop with the given kilograms of beef. */
    public static Shop withBeef(String prefix, BigDecimal kilograms) {
        return new Shop(prefix, kilograms);
    }

    public Call as(String token, String path) {
        return Api.at(path).token(token).tenant(tenant.slug());
    }

    /** A burger line: quantity, doneness and extras. */
    public JsonObject burgerLine(int quantity, long doneness, Long... extras) {
        List<Long> modifiers = new java.util.ArrayList<>(List.of(extras));
        modifiers.add(doneness);
        return obj("menuItemId", burger, "quantity", quantity, "modifierIds", modifiers);
    }

    public JsonObject lemonadeLine(int quantity) {
        return obj("menuItemId", lemonade, "quantity", quantity);
    }

    /** POST /orders as the cashier with a fresh Idempotency-Key. */
    public Reply order(JsonObject body) {
        return as(cashier, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString()).post(body);
    }

    public JsonObject orderBody(String channel, Long tableId, JsonObject... lines) {
        var array = Json.createArrayBuilder();
        for (JsonObject l : lines) {
            array.add(l);
        }
        return obj("outletId", outlet, "channel", channel, "tableId", tableId, "lines", array.build());
    }

    /** POST /orders/{id}/payments as the cashier with a fresh Idempotency-Key. */
    public Reply pay(long orderId, JsonObject payment) {
        return as(cashier, "/api/v1/orders/" + orderId + "/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(payment);
    }

    /**
     * A takeaway order of {@code lines} placed and paid in cash in full (the drawer must be open):
     * the order as placed.
     */
    public JsonObject sellForCash(JsonObject... lines) {
        Reply order = order(orderBody("TAKEAWAY", null, lines));
        JsonObject placed = created(order);
        BigDecimal total = placed.getJsonNumber("total").bigDecimalValue();
        created(pay(placed.getJsonNumber("id").longValue(), obj("method", "CASH", "amount", total, "tendered", total)));
        return placed;
    }

    /** Opens the outlet's cash drawer with a float (cash payments need it). */
    public JsonObject openDrawer(BigDecimal openingFloat) {
        return created(as(cashier, "/api/v1/outlets/" + outlet + "/cash-sessions").post(obj("openingFloat", openingFloat)));
    }

    /** On-hand of a stock item at the outlet. */
    public BigDecimal onHand(long stockItemId) {
        return tenant.call("/api/v1/outlets/" + outlet + "/stock?size=500").get().items().stream()
                .filter(l -> l.getJsonNumber("stockItemId").longValue() == stockItemId).findFirst()
                .map(l -> l.getJsonNumber("onHand").bigDecimalValue()).orElse(BigDecimal.ZERO);
    }

    private String staff(String username, String role, String pin) {
        created(tenant.call("/api/v1/staff").post(obj("username", username, "displayName", username, "roles", List.of(role),
                "outletIds", List.of(outlet), "pin", pin, "password", username + "-password", "hourlyRate",
                new BigDecimal("12.00"), "active", true)));
        Reply token = Api.at("/api/v1/auth/pin").post(obj("tenant", tenant.slug(), "outletId", outlet, "pin", pin));
        if (token.status() != 200) {
            throw new IllegalStateException("PIN sign-in failed: " + token);
        }
        return token.json().getString("access_token");
    }

    private long stockItem(String sku, String unit) {
        return id(tenant.call("/api/v1/inventory/items").post(obj("sku", sku, "name", sku, "unit", unit,
                "reorderLevel", new BigDecimal("0"), "unitCost", new BigDecimal("1.00"))));
    }

    private void count(long stockItemId, BigDecimal counted) {
        expect(tenant.call("/api/v1/outlets/" + outlet + "/stock/adjustments").post(obj("stockItemId", stockItemId,
                "counted", counted, "reason", "COUNT")), 200);
    }

    private static void expect(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
    }

    private static long id(Reply reply) {
        return created(reply).getJsonNumber("id").longValue();
    }

    private static JsonObject created(Reply reply) {
        return created(reply, 201);
    }

    private static JsonObject created(Reply reply, int status) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ": " + reply);
        }
        return reply.json();
    }
}
