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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The side effects of a sale through the outbox and the JMS consumers, black box: customers (find or
 * create, search, isolation), a completed order's stock, sales facts and loyalty points (each once),
 * analytics isolation, and a message the loyalty consumer can never apply ending in the exception
 * destination without holding up the next one (ExceptionMessagesIT lists and re-drives it).
 */
class SideEffectsIT {

    static TestTenant t;
    static TestTenant other;
    static long outlet;
    static long burger;
    static long cheeseModifier;
    static long beef;
    static long cheese;

    @BeforeAll
    static void aGrillWithStockAndAnOpenDrawer() {
        t = Api.newTenant("fx");
        other = Api.newTenant("fxo");
        outlet = Api.createOutlet(t, "Grill").getJsonNumber("id").longValue();
        long vat = id(t.call("/api/v1/tax-rates").post(obj("name", "VAT", "rate", new BigDecimal("10"), "inclusive", true)));
        long mains = id(t.call("/api/v1/menu/categories").post(obj("name", "Mains")));
        JsonArray groups = Json.createArrayBuilder().add(obj("name", "Extras", "min", 0, "max", 1, "modifiers",
                Json.createArrayBuilder().add(obj("name", "Extra cheese", "priceDelta", new BigDecimal("1.00"))).build())).build();
        Reply item = t.call("/api/v1/menu/items").post(obj("sku", "BURGER", "name", "Burger", "categoryId", mains,
                "price", new BigDecimal("9.90"), "taxRateId", vat, "station", "GRILL", "modifierGroups", groups));
        assertEquals(201, item.status(), item::toString);
        burger = id(item);
        cheeseModifier = item.json().getJsonArray("modifierGroups").getJsonObject(0).getJsonArray("modifiers")
                .getJsonObject(0).getJsonNumber("id").longValue();
        beef = id(t.call("/api/v1/inventory/items").post(obj("sku", "BEEF", "name", "Beef", "unit", "kg",
                "reorderLevel", new BigDecimal("0"), "unitCost", new BigDecimal("9.00"))));
        cheese = id(t.call("/api/v1/inventory/items").post(obj("sku", "CHEESE", "name", "Cheese", "unit", "g",
                "reorderLevel", new BigDecimal("0"), "unitCost", new BigDecimal("0.01"))));
        assertEquals(200, t.call("/api/v1/menu/items/" + burger + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", beef, "quantity", new BigDecimal("150"), "unit", "g")).build()).status());
        assertEquals(200, t.call("/api/v1/menu/modifiers/" + cheeseModifier + "/recipe").put(Json.createArrayBuilder()
                .add(obj("stockItemId", cheese, "quantity", new BigDecimal("20"))).build()).status());
        String adjust = "/api/v1/outlets/" + outlet + "/stock/adjustments";
        assertEquals(200, t.call(adjust).post(obj("stockItemId", beef, "counted", new BigDecimal("10"), "reason", "COUNT")).status());
        assertEquals(200, t.call(adjust).post(obj("stockItemId", cheese, "counted", new BigDecimal("1000"), "reason", "COUNT")).status());
        Reply drawer = t.call("/api/v1/outlets/" + outlet + "/cash-sessions").post(obj("openingFloat", new BigDecimal("100.00")));
        assertEquals(201, drawer.status(), drawer::toString);
    }

    static long id(Reply r) {
        assertTrue(r.status() == 200 || r.status() == 201, r::toString);
        return r.json().getJsonNumber("id").longValue();
    }

    static JsonObject customer(TestTenant tenant, String name, String phone, String email, int status) {
        Reply r = tenant.call("/api/v1/customers").post(obj("name", name, "phone", phone, "email", email));
        assertEquals(status, r.status(), r::toString);
        return r.json();
    }

    /** Two burgers, one with extra cheese, paid in cash: the completed order. */
    static JsonObject sale(Long customerId) {
        JsonArray lines = Json.createArrayBuilder()
                .add(obj("menuItemId", burger, "quantity", 1, "modifierIds", List.of(cheeseModifier)))
                .add(obj("menuItemId", burger, "quantity", 1, "modifierIds", List.of())).build();
        Reply order = t.call("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("outletId", outlet, "channel", "TAKEAWAY", "customerId", customerId, "lines", lines));
        assertEquals(201, order.status(), order::toString);
        BigDecimal total = order.json().getJsonNumber("total").bigDecimalValue();
        Reply paid = t.call("/api/v1/orders/" + id(order) + "/payments").header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("method", "CASH", "amount", total, "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        JsonObject completed = t.call("/api/v1/orders/" + id(order)).get().json();
        assertEquals("COMPLETED", completed.getString("status"), completed::toString);
        return completed;
    }

    /** Polls until {@code check} holds or the deadline passes; returns whether it held. */
    static boolean eventually(long seconds, Supplier<Boolean> check) {
        long deadline = System.currentTimeMillis() + seconds * 1000;
        while (System.currentTimeMillis() < deadline) {
            if (check.get()) {
                return true;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return check.get();
    }

    static List<JsonObject> movementsOf(long orderId) {
        return t.call("/api/v1/outlets/" + outlet + "/stock/movements?size=500").get().items().stream()
                .filter(m -> ("order-" + orderId).equals(m.getString("reference", null))).toList();
    }

    /** Today's burger row of the sales by item at the outlet (zeros before the first sale). */
    static JsonObject burgerRow(String day) {
        JsonArray items = salesBy(t, "from=" + day + "&to=" + day + "&outletId=" + outlet + "&groupBy=item")
                .getJsonArray("items");
        return items.isEmpty() ? obj("key", String.valueOf(burger), "label", "Burger", "quantity", 0, "orders", 0,
                "gross", BigDecimal.ZERO) : items.getJsonObject(0);
    }

    static JsonObject salesBy(TestTenant tenant, String query) {
        Reply r = tenant.call("/api/v1/analytics/sales?" + query).get();
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static int exceptionDepth(String queue) {
        Reply status = Api.at("/api/v1/system/status").token(Api.adminToken()).get();
        assertEquals(200, status.status(), status::toString);
        return status.json().getJsonObject("queueDepths").getInt(queue + ".Exception");
    }

    @Test
    void customersAreFoundOrCreatedByPhoneOrEmailAndStayInTheirTenant() {
        JsonObject ada = customer(t, "Ada Lovelace", "+44 20 7946 0001", "ada@example.org", 201);
        JsonObject again = customer(t, "A. Lovelace", "+44 (20) 7946-0001", null, 200);
        assertEquals(ada.getInt("id"), again.getInt("id"));
        assertEquals(ada.getInt("id"), customer(t, null, null, "ADA@example.org", 200).getInt("id"));
        assertEquals("+442079460001", ada.getString("phone"));
        assertEquals(0, ada.getInt("points"));

        List<JsonObject> found = t.call("/api/v1/customers?q=lovelace").get().items();
        assertEquals(List.of(ada.getInt("id")), found.stream().map(c -> c.getInt("id")).toList());
        assertEquals(200, t.call("/api/v1/customers/" + ada.getInt("id")).get().status());

        Reply invalid = t.call("/api/v1/customers").post(obj("name", "Nobody"));
        assertEquals(400, invalid.status(), invalid::toString);
        assertEquals("validation", invalid.kind());

        // isolation: the other tenant neither sees nor finds Ada, and the same phone there is another customer
        assertEquals(404, other.call("/api/v1/customers/" + ada.getInt("id")).get().status());
        assertEquals(404, other.call("/api/v1/customers/" + ada.getInt("id") + "/loyalty").get().status());
        assertEquals(0, other.call("/api/v1/customers?q=lovelace").get().json().getInt("total"));
        JsonObject theirs = customer(other, "Other Ada", "+44 20 7946 0001", null, 201);
        assertFalse(theirs.getInt("id") == ada.getInt("id"));
        assertEquals(ada.getInt("id"), customer(t, null, "+442079460001", null, 200).getInt("id"));
    }

    @Test
    void aCompletedSaleDeductsStockRecordsFactsAndCreditsPointsEachOnce() {
        long grace = customer(t, "Grace Hopper", "+1 555 0100", null, 201).getJsonNumber("id").longValue();
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        // other tests sell burgers here too: this one counts what its own sale adds
        JsonObject before = burgerRow(today);
        JsonObject order = sale(grace);
        long orderId = order.getJsonNumber("id").longValue();
        BigDecimal total = order.getJsonNumber("total").bigDecimalValue();   // 9.90 + 10.90
        long points = total.setScale(0, RoundingMode.FLOOR).longValueExact();

        assertTrue(eventually(30, () -> movementsOf(orderId).size() == 2), () -> "stock movements: " + movementsOf(orderId));
        String byItem = "from=" + today + "&to=" + today + "&outletId=" + outlet + "&groupBy=item";
        assertTrue(eventually(30, () -> burgerRow(today).getInt("quantity") == before.getInt("quantity") + 2),
                () -> salesBy(t, byItem).toString());
        assertTrue(eventually(30, () -> t.call("/api/v1/customers/" + grace + "/loyalty").get().json()
                .getJsonNumber("points").longValue() == points), () -> t.call("/api/v1/customers/" + grace + "/loyalty").get().toString());

        // once: give a duplicate the time to show up, then count
        assertFalse(eventually(3, () -> movementsOf(orderId).size() > 2));
        List<JsonObject> moved = movementsOf(orderId);
        assertEquals(List.of("SALE", "SALE"), moved.stream().map(m -> m.getString("reason")).toList());
        BigDecimal beefOut = moved.stream().filter(m -> m.getJsonNumber("stockItemId").longValue() == beef)
                .findFirst().orElseThrow().getJsonNumber("quantity").bigDecimalValue();
        assertEquals(0, new BigDecimal("-0.3").compareTo(beefOut), "two burgers of 150 g beef: " + moved);
        BigDecimal cheeseOut = moved.stream().filter(m -> m.getJsonNumber("stockItemId").longValue() == cheese)
                .findFirst().orElseThrow().getJsonNumber("quantity").bigDecimalValue();
        assertEquals(0, new BigDecimal("-20").compareTo(cheeseOut), "one extra cheese of 20 g: " + moved);

        JsonObject burgers = burgerRow(today);
        assertEquals(String.valueOf(burger), burgers.getString("key"));
        assertEquals("Burger", burgers.getString("label"));
        assertEquals(before.getInt("quantity") + 2, burgers.getInt("quantity"));
        assertEquals(before.getInt("orders") + 1, burgers.getInt("orders"));
        assertEquals(0, before.getJsonNumber("gross").bigDecimalValue().add(total)
                .compareTo(burgers.getJsonNumber("gross").bigDecimalValue()), burgers::toString);
        JsonObject loyalty = t.call("/api/v1/customers/" + grace + "/loyalty").get().json();
        assertEquals(1, loyalty.getJsonArray("transactions").size(), loyalty::toString);

        // analytics isolation: the other tenant has no sales and cannot name this outlet
        assertEquals(0, salesBy(other, "from=" + today + "&to=" + today + "&groupBy=item").getInt("total"));
        assertEquals(404, other.call("/api/v1/analytics/sales?outletId=" + outlet).get().status());
        Reply fromOnly = t.call("/api/v1/analytics/sales?groupBy=day&from=" + today).get();
        assertEquals(200, fromOnly.status(), fromOnly::toString);
        assertEquals(400, t.call("/api/v1/analytics/sales?groupBy=weekday").get().status());
    }

    /**
     * A message no consumer can ever apply — here a corrupt outbox row, as a faulty producer or a
     * hand-edited database would leave it — lands in the exception destination (at once: a body that
     * does not bind is never tried again), and does not block the queue. The row is written straight into the tenant's schema, which needs a
     * database the test can reach: PostgreSQL (CI's second phase), not the server's embedded H2.
     */
    @Test
    @Tag("postgresql")
    void aMessageTheConsumerCannotApplyEndsInTheExceptionDestinationAndTheNextOneGoesThrough() throws Exception {
        assertEquals("postgresql", System.getenv("RMS_DB"), "runs in the PostgreSQL phase only (tag postgresql)");
        int before = exceptionDepth("RMS.Loyalty");
        try (Connection db = DriverManager.getConnection(System.getenv("RMS_DB_URL"), System.getenv("RMS_DB_USER"),
                System.getenv("RMS_DB_PASSWORD") == null ? "" : System.getenv("RMS_DB_PASSWORD"));
                PreparedStatement insert = db.prepareStatement("insert into t_" + t.slug() + ".outbox (id, event_id, "
                        + "event_type, aggregate_id, queues, payload, attempts, created_at) values "
                        + "(nextval('rms_control.rms_id_seq'), ?, 'order.completed', 'order:0', 'RMS.Loyalty', ?, 0, "
                        + "now() - interval '1 minute')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, "{\"orderId\": \"not a number\", \"lines\": ");
            assertEquals(1, insert.executeUpdate());
        }
        assertTrue(eventually(90, () -> exceptionDepth("RMS.Loyalty") == before + 1),
                () -> "RMS.Loyalty.Exception depth stayed " + exceptionDepth("RMS.Loyalty"));

        long linus = customer(t, "Linus", null, "linus@example.org", 201).getJsonNumber("id").longValue();
        JsonObject next = sale(linus);
        long points = next.getJsonNumber("total").bigDecimalValue().setScale(0, RoundingMode.FLOOR).longValueExact();
        assertTrue(eventually(30, () -> t.call("/api/v1/customers/" + linus + "/loyalty").get().json()
                .getJsonNumber("points").longValue() == points), "the queue goes on after the poison message");
        assertEquals(before + 1, exceptionDepth("RMS.Loyalty"));
    }

    /**
     * Redelivery inside the server: a sale's outbox row is marked unpublished again (as if the relay's
     * commit had been lost), the sweep sends it a second time, and every consumer recognises the event
     * id — stock, facts and points stay as they were. Needs the shared database (PostgreSQL phase).
     */
    @Test
    @Tag("postgresql")
    void aSecondDeliveryOfTheSameEventChangesNothing() throws Exception {
        assertEquals("postgresql", System.getenv("RMS_DB"), "runs in the PostgreSQL phase only (tag postgresql)");
        long kim = customer(t, "Kim", null, "kim@example.org", 201).getJsonNumber("id").longValue();
        JsonObject order = sale(kim);
        long orderId = order.getJsonNumber("id").longValue();
        long points = order.getJsonNumber("total").bigDecimalValue().setScale(0, RoundingMode.FLOOR).longValueExact();
        assertTrue(eventually(30, () -> movementsOf(orderId).size() == 2));
        assertTrue(eventually(30, () -> t.call("/api/v1/customers/" + kim + "/loyalty").get().json()
                .getJsonNumber("points").longValue() == points));
        String today = LocalDate.now(ZoneId.of("Europe/Berlin")).toString();
        String byStaff = "from=" + today + "&to=" + today + "&outletId=" + outlet + "&groupBy=day";
        assertTrue(eventually(30, () -> salesBy(t, byStaff).getJsonObject("totals") != null));
        // the facts of earlier tests' sales may still be arriving: wait until two reads a second apart agree
        String[] last = {""};
        assertTrue(eventually(30, () -> {
            String now = salesBy(t, byStaff).getJsonObject("totals").toString();
            boolean settled = now.equals(last[0]);
            last[0] = now;
            if (!settled) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return settled;
        }));
        String factsBefore = last[0];
        String outbox = "t_" + t.slug() + ".outbox";
        try (Connection db = DriverManager.getConnection(System.getenv("RMS_DB_URL"), System.getenv("RMS_DB_USER"),
                System.getenv("RMS_DB_PASSWORD") == null ? "" : System.getenv("RMS_DB_PASSWORD"))) {
            try (PreparedStatement again = db.prepareStatement("update " + outbox + " set published_at = null, "
                    + "created_at = created_at - interval '1 minute' where aggregate_id = ?")) {
                again.setString(1, "order:" + orderId);
                assertEquals(1, again.executeUpdate());
            }
            assertTrue(eventually(60, () -> {
                try (PreparedStatement q = db.prepareStatement("select count(*) from " + outbox
                        + " where aggregate_id = ? and published_at is not null")) {
                    q.setString(1, "order:" + orderId);
                    try (var rs = q.executeQuery()) {
                        return rs.next() && rs.getInt(1) == 1;
                    }
                } catch (java.sql.SQLException e) {
                    throw new IllegalStateException(e);
                }
            }), "the sweep sent the event again");
        }
        // give the consumers time to receive the second copy, then nothing may have changed
        assertFalse(eventually(10, () -> movementsOf(orderId).size() > 2), "stock deducted twice");
        assertEquals(points, t.call("/api/v1/customers/" + kim + "/loyalty").get().json().getJsonNumber("points").longValue());
        assertEquals(factsBefore, salesBy(t, byStaff).getJsonObject("totals").toString());
    }

    @Test
    void anOrderCannotNameACustomerTheTenantDoesNotHave() {
        JsonArray lines = Json.createArrayBuilder().add(obj("menuItemId", burger, "quantity", 1)).build();
        long foreign = customer(other, "Olga", null, "olga@example.org", 201).getJsonNumber("id").longValue();
        for (long customerId : List.of(987_654_321L, foreign)) {
            Reply order = t.call("/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                    .post(obj("outletId", outlet, "channel", "TAKEAWAY", "customerId", customerId, "lines", lines));
            assertEquals(404, order.status(), order::toString);
        }
    }
}
