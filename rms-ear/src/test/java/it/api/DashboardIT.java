package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.Shop;
import it.SocketInbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.WebSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/v1/analytics/dashboard} black box: the figures of the day agree with the orders
 * sold through the API (after the analytics consumer applied them), with the sales report, and with
 * a refund; what the caller may read (owner, the outlet's manager, a batch operator; not a cashier,
 * not a manager of another outlet, not another tenant); bad input is 400.
 */
class DashboardIT {

    static Shop shop;
    static ZoneId berlin = ZoneId.of("Europe/Berlin");

    @BeforeAll
    static void aTradingOutletWithAnOpenDrawer() {
        shop = Shop.open("dash");
        shop.openDrawer(new BigDecimal("100.00"));
    }

    static Reply dashboard(String token, String tenant, String query) {
        return Api.at("/api/v1/analytics/dashboard" + query).token(token).tenant(tenant).get();
    }

    static JsonObject dashboard() {
        return dashboard(shop.outlet);
    }

    static JsonObject dashboard(long outlet) {
        Reply r = shop.tenant.call("/api/v1/analytics/dashboard?outletId=" + outlet).get();
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }

    static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    /** An order of these lines paid in cash: the order as completed. */
    static JsonObject sold(JsonObject body) {
        Reply order = shop.order(body);
        assertEquals(201, order.status(), order::toString);
        long id = order.json().getJsonNumber("id").longValue();
        BigDecimal total = money(order.json(), "total");
        Reply paid = shop.pay(id, obj("method", "CASH", "amount", total, "tendered", total));
        assertEquals(201, paid.status(), paid::toString);
        assertEquals("COMPLETED", paid.json().getString("orderStatus"), paid::toString);
        return shop.as(shop.cashier, "/api/v1/orders/" + id).get().json();
    }

    static JsonObject eventually(Predicate<JsonObject> check) {
        return eventually(shop.outlet, check);
    }

    /** The outlet's dashboard once {@code check} holds, or as it is after 30 s. */
    static JsonObject eventually(long outlet, Predicate<JsonObject> check) {
        long deadline = System.currentTimeMillis() + 30_000;
        JsonObject last = dashboard(outlet);
        while (!check.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = dashboard(outlet);
        }
        return last;
    }

    @Test
    void theDayAgreesWithTheOrdersSoldTheSalesReportAndARefund() {
        JsonObject before = dashboard();
        assertEquals(0, before.getInt("orders"), before::toString);
        assertEquals(new BigDecimal("0.00"), money(before, "net"));
        assertEquals(new BigDecimal("0.00"), money(before, "averageTicket"));
        assertFalse(before.containsKey("labourCost"), "no labour data, no labour figures");
        assertFalse(before.containsKey("labourPercent"));

        JsonObject a = sold(shop.orderBody("TAKEAWAY", null, shop.burgerLine(2, shop.rare), shop.lemonadeLine(1)));
        JsonObject discounted = obj("outletId", shop.outlet, "channel", "TAKEAWAY", "lines",
                Json.createArrayBuilder().add(shop.lemonadeLine(2)).build(),
                "discount", obj("type", "AMOUNT", "value", new BigDecimal("0.50"), "reason", "regular"));
        JsonObject b = sold(discounted);
        Reply open = shop.order(shop.orderBody("DINE_IN", shop.table, shop.lemonadeLine(1)));
        assertEquals(201, open.status(), open::toString);
        Reply refund = shop.as(shop.manager, "/api/v1/orders/" + a.getJsonNumber("id") + "/refunds")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .post(obj("amount", new BigDecimal("2.00"), "reason", "cold fries"));
        assertEquals(201, refund.status(), refund::toString);

        JsonObject day = eventually(d -> d.getInt("orders") == 2 && money(d, "refunds").signum() > 0);
        assertEquals(2, day.getInt("orders"), day::toString);
        assertTrue(List.of(LocalDate.now(berlin).toString(), LocalDate.now(berlin).minusDays(1).toString())
                .contains(day.getString("businessDate")), day::toString);
        BigDecimal sold = money(a, "total").add(money(b, "total"));
        assertEquals(sold.subtract(new BigDecimal("2.00")), money(day, "gross"), "what the guests paid, less the refund");
        assertEquals(new BigDecimal("2.00"), money(day, "refunds"));
        assertEquals(money(b, "discountTotal"), money(day, "discounts"));
        assertEquals(new BigDecimal("0.50"), money(day, "discounts"));
        assertEquals(money(day, "gross").subtract(money(day, "tax")), money(day, "net"));
        assertEquals(money(day, "net").divide(new BigDecimal(2), 2, RoundingMode.HALF_EVEN), money(day, "averageTicket"));
        assertEquals(1, day.getInt("openOrders"), "the dine-in check not paid yet");
        assertEquals(0, day.getInt("lowStockCount"), "every stock item is above its reorder level of 0");

        // the same figures as the sales report of the day, which sums the facts themselves
        JsonObject report = shop.tenant.call("/api/v1/analytics/sales?from=" + day.getString("businessDate") + "&to="
                + day.getString("businessDate") + "&outletId=" + shop.outlet + "&groupBy=day").get().json();
        JsonObject totals = report.getJsonObject("totals");
        for (String field : List.of("net", "tax", "gross")) {
            assertEquals(money(totals, field), money(day, field), field + ": " + report);
        }
        assertEquals(2, totals.getInt("orders"));

        List<JsonObject> hours = day.getJsonArray("byHour").getValuesAs(JsonObject.class);
        assertEquals(List.of(), hours.stream().filter(h -> h.getInt("hour") != hours.indexOf(h)).toList(),
                "every hour from midnight, in order");
        assertEquals(2, hours.stream().mapToInt(h -> h.getInt("orders")).sum());
        assertEquals(money(day, "net"), hours.stream().map(h -> money(h, "net")).reduce(BigDecimal.ZERO, BigDecimal::add));

        Map<String, Integer> quantities = day.getJsonArray("topItems").getValuesAs(JsonObject.class).stream()
                .collect(Collectors.toMap(i -> i.getString("name"), i -> i.getInt("quantity")));
        assertEquals(Map.of("Burger", 2, "Lemonade", 3), quantities, "a partial refund leaves the quantities sold");
        JsonObject top = day.getJsonArray("topItems").getJsonObject(0);
        assertEquals("Burger", top.getString("name"), "the best seller by net first");
        assertEquals(shop.burger, top.getJsonNumber("menuItemId").longValue());
        assertEquals(money(day, "net"), day.getJsonArray("topItems").getValuesAs(JsonObject.class).stream()
                .map(i -> money(i, "net")).reduce(BigDecimal.ZERO, BigDecimal::add), "the items make up the day's net");
        JsonObject lastWeek = day.getJsonObject("sameDayLastWeek");
        assertEquals(0, lastWeek.getInt("orders"), "a new outlet sold nothing a week ago");
        assertEquals(new BigDecimal("0.00"), money(lastWeek, "net"));
    }

    @Test
    void badInputIs400AnUnknownOutlet404AndACashierIsRefused() {
        Reply missing = shop.tenant.call("/api/v1/analytics/dashboard").get();
        assertEquals(400, missing.status(), missing::toString);
        assertEquals("validation", missing.kind());
        assertTrue(missing.header("Content-Type").startsWith("application/problem+json"), missing::toString);
        assertEquals("outletId", missing.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        Reply malformed = shop.tenant.call("/api/v1/analytics/dashboard?outletId=abc").get();
        assertEquals(400, malformed.status(), malformed::toString);
        assertEquals("validation", malformed.kind());
        Reply unknown = shop.tenant.call("/api/v1/analytics/dashboard?outletId=999999999").get();
        assertEquals(404, unknown.status(), unknown::toString);
        assertEquals("not-found", unknown.kind());

        Reply cashier = dashboard(shop.cashier, shop.tenant.slug(), "?outletId=" + shop.outlet);
        assertEquals(403, cashier.status(), cashier::toString);
        assertEquals("authorization", cashier.kind());
        Reply manager = dashboard(shop.manager, shop.tenant.slug(), "?outletId=" + shop.outlet);
        assertEquals(200, manager.status(), manager::toString);

        Reply created = shop.tenant.call("/api/v1/staff").post(obj("username", "reports", "displayName", "Reports",
                "roles", List.of("BATCH_OPERATOR"), "outletIds", List.of(), "password", "reports-password",
                "hourlyRate", new BigDecimal("0"), "active", true));
        assertEquals(201, created.status(), created::toString);
        String operator = Api.login(shop.tenant.slug(), "reports", "reports-password");
        Reply batch = dashboard(operator, shop.tenant.slug(), "?outletId=" + shop.outlet);
        assertEquals(200, batch.status(), batch::toString);
    }

    @Test
    void anotherTenantAndAManagerOfAnotherOutletCannotReadTheOutletsDay() {
        TestTenant other = Api.newTenant("dasho");
        Reply byId = other.call("/api/v1/analytics/dashboard?outletId=" + shop.outlet).get();
        assertEquals(404, byId.status(), "another tenant's outlet id is unknown here: " + byId);
        assertFalse(byId.body().contains("Diner"), byId::toString);
        Reply byHeader = dashboard(other.ownerToken(), shop.tenant.slug(), "?outletId=" + shop.outlet);
        assertEquals(403, byHeader.status(), byHeader::toString);
        assertEquals("tenant-isolation", byHeader.kind());

        long second = Api.createOutlet(shop.tenant, "Second").getJsonNumber("id").longValue();
        Reply created = shop.tenant.call("/api/v1/staff").post(obj("username", "second-manager", "displayName", "Sam",
                "roles", List.of("MANAGER"), "outletIds", List.of(second), "password", "second-manager-password",
                "hourlyRate", new BigDecimal("15.00"), "active", true));
        assertEquals(201, created.status(), created::toString);
        String manager = Api.login(shop.tenant.slug(), "second-manager", "second-manager-password");
        Reply notTheirs = dashboard(manager, shop.tenant.slug(), "?outletId=" + shop.outlet);
        assertEquals(404, notTheirs.status(), "an outlet the manager does not work at, as everywhere: " + notTheirs);
        Reply theirs = dashboard(manager, shop.tenant.slug(), "?outletId=" + second);
        assertEquals(200, theirs.status(), theirs::toString);
        assertEquals(0, theirs.json().getInt("orders"), "the other outlet's sales are not its own");
    }

    /**
     * A completed sale is announced as {@code sales.updated} to the sockets of its own tenant (the
     * dashboard re-reads on it), never to another tenant's, whose dashboard of that outlet stays 404.
     */
    @Test
    void aSaleIsAnnouncedToItsOwnTenantsSocketsOnly() throws Exception {
        Shop own = Shop.open("dashws");
        own.openDrawer(new BigDecimal("20.00"));
        TestTenant other = Api.newTenant("dashwo");
        String ws = Api.BASE.replace("http", "ws") + "/ws/events";
        SocketInbox mine = new SocketInbox();
        SocketInbox theirs = new SocketInbox();
        WebSocket mySocket = Api.HTTP.newWebSocketBuilder().subprotocols("bearer", own.tenant.ownerToken())
                .buildAsync(URI.create(ws), mine).join();
        WebSocket theirSocket = Api.HTTP.newWebSocketBuilder().subprotocols("bearer", other.ownerToken())
                .buildAsync(URI.create(ws), theirs).join();
        try {
            Thread.sleep(300);
            Reply order = own.order(own.orderBody("TAKEAWAY", null, own.lemonadeLine(1)));
            assertEquals(201, order.status(), order::toString);
            long id = order.json().getJsonNumber("id").longValue();
            BigDecimal total = money(order.json(), "total");
            Reply paid = own.pay(id, obj("method", "CASH", "amount", total, "tendered", total));
            assertEquals(201, paid.status(), paid::toString);

            JsonObject updated = null;
            long deadline = System.currentTimeMillis() + 30_000;
            while (updated == null && System.currentTimeMillis() < deadline) {
                JsonObject e = mine.next("sales.updated");
                if (e != null && e.getJsonObject("data").getJsonNumber("orderId").longValue() == id) {
                    updated = e;
                }
            }
            assertTrue(updated != null, "the sale reached its tenant's socket: " + mine.events);
            Thread.sleep(500);
            assertTrue(theirs.events.stream().noneMatch(e -> e.getString("type").startsWith("sales.")),
                    "nothing of it reached another tenant: " + theirs.events);
            Reply byId = other.call("/api/v1/analytics/dashboard?outletId=" + own.outlet).get();
            assertEquals(404, byId.status(), byId::toString);
        } finally {
            mySocket.abort();
            theirSocket.abort();
        }
    }

    /**
     * A sale at the start of this hour a week ago, written to the outbox as the POS writes a
     * completion (PostgreSQL phase: the test reaches the database), goes through the relay and the
     * analytics consumer into the same weekday last week (at an outlet of its own, so the other
     * tests' week stays empty).
     */
    @Test
    @Tag("postgresql")
    void aSaleOfTheSameWeekdayLastWeekIsShownBesideToday() throws Exception {
        assertEquals("postgresql", System.getenv("RMS_DB"), "runs in the PostgreSQL phase only (tag postgresql)");
        long outlet = Api.createOutlet(shop.tenant, "Last week").getJsonNumber("id").longValue();
        OffsetDateTime weekAgo = ZonedDateTime.now(berlin).truncatedTo(ChronoUnit.HOURS).minusWeeks(1).toOffsetDateTime();
        String payload = "{\"orderId\":" + (900_000_000L + System.nanoTime() % 1_000_000) + ",\"outletId\":" + outlet
                + ",\"number\":\"W-1\",\"channel\":\"TAKEAWAY\",\"staff\":\"cashier\",\"currency\":\"EUR\","
                + "\"completedAt\":\"" + weekAgo + "\",\"subtotal\":9.90,\"discountTotal\":0,\"taxTotal\":1.58,"
                + "\"total\":9.90,\"tips\":0,\"lines\":[{\"lineId\":1,\"menuItemId\":" + shop.burger + ",\"sku\":\"BURGER\","
                + "\"name\":\"Burger\",\"quantity\":1,\"net\":8.32,\"tax\":1.58,\"gross\":9.90}]}";
        try (Connection db = DriverManager.getConnection(System.getenv("RMS_DB_URL"), System.getenv("RMS_DB_USER"),
                System.getenv("RMS_DB_PASSWORD") == null ? "" : System.getenv("RMS_DB_PASSWORD"));
                PreparedStatement insert = db.prepareStatement("insert into t_" + shop.tenant.slug() + ".outbox (id, "
                        + "event_id, event_type, aggregate_id, queues, payload, attempts, created_at) values "
                        + "(nextval('rms_control.rms_id_seq'), ?, 'order.completed', 'order:0', 'RMS.Analytics', ?, 0, "
                        + "now() - interval '1 minute')")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, payload);
            assertEquals(1, insert.executeUpdate());
        }
        JsonObject day = eventually(outlet, d -> d.getJsonObject("sameDayLastWeek").getInt("orders") > 0);
        assertEquals(1, day.getJsonObject("sameDayLastWeek").getInt("orders"), day::toString);
        assertEquals(new BigDecimal("8.32"), money(day.getJsonObject("sameDayLastWeek"), "net"), day::toString);
        assertEquals(0, day.getInt("orders"), "today is today only");
    }
}
