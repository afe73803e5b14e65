package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The order workflow over HTTP: pricing, modifiers, idempotency, versions, kitchen, payments, drawer, overrides, isolation. */
class PosOrderIT {

    static Shop shop;
    static Shop other;
    static ExecutorService pool = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void shops() {
        shop = Shop.open("pos");
        other = Shop.open("posb");
    }

    @AfterAll
    static void stop() {
        pool.shutdownNow();
    }

    static BigDecimal money(JsonObject o, String field) {
        return o.getJsonNumber(field).bigDecimalValue();
    }

    @Test
    void theServerPricesTheOrderAndIgnoresClientPrices() {
        JsonObject burger = Json.createObjectBuilder(shop.burgerLine(2, shop.rare, shop.cheese)).add("price", 0.01)
                .add("total", 0.01).build();
        JsonObject body = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, burger, shop.lemonadeLine(1)))
                .add("total", 1).add("subtotal", 1).build();
        Reply created = shop.order(body);
        assertEquals(201, created.status(), created::toString);
        JsonObject order = created.json();
        // burger (9.90 + 1.00) x 2 = 21.80 incl. 19 %: tax 21.80 * 19 / 119 = 3.4807 -> 3.48
        // lemonade 3.50 excl. 7 %: tax 0.245 -> 0.24 (HALF_EVEN), line total 3.74
        assertEquals(new BigDecimal("25.30"), money(order, "subtotal"));
        assertEquals(new BigDecimal("3.72"), money(order, "taxTotal"));
        assertEquals(new BigDecimal("25.54"), money(order, "total"));
        assertEquals(new BigDecimal("25.54"), money(order, "balance"));
        assertEquals("OPEN", order.getString("status"));
        JsonObject line = order.getJsonArray("lines").getJsonObject(0);
        assertEquals(new BigDecimal("10.90"), money(line, "unitPrice"));
        assertEquals(2, line.getJsonArray("modifiers").size());
        assertEquals("GRILL", line.getString("station"));
    }

    @Test
    void modifierLimitsUnknownItemsAndBadInputAreRefused() {
        Reply noDoneness = shop.order(shop.orderBody("TAKEAWAY", null,
                obj("menuItemId", shop.burger, "quantity", 1, "modifierIds", List.of(shop.cheese))));
        assertEquals(422, noDoneness.status(), noDoneness::toString);
        assertTrue(noDoneness.body().contains("Doneness"), noDoneness::toString);
        Reply twoDoneness = shop.order(shop.orderBody("TAKEAWAY", null,
                obj("menuItemId", shop.burger, "quantity", 1, "modifierIds", List.of(shop.rare, shop.wellDone))));
        assertEquals(422, twoDoneness.status(), twoDoneness::toString);
        Reply foreignModifier = shop.order(shop.orderBody("TAKEAWAY", null,
                obj("menuItemId", shop.burger, "quantity", 1, "modifierIds", List.of(shop.rare, other.cheese))));
        assertEquals(422, foreignModifier.status(), foreignModifier::toString);
        Reply foreignItem = shop.order(shop.orderBody("TAKEAWAY", null, obj("menuItemId", other.lemonade, "quantity", 1)));
        assertEquals(422, foreignItem.status(), foreignItem::toString);
        Reply zero = shop.order(shop.orderBody("TAKEAWAY", null, obj("menuItemId", shop.lemonade, "quantity", 0)));
        assertEquals(400, zero.status(), zero::toString);
        Reply channel = shop.order(obj("outletId", shop.outlet, "channel", "DRIVE_THRU", "lines",
                Json.createArrayBuilder().add(shop.lemonadeLine(1)).build()));
        assertEquals(400, channel.status(), channel::toString);
        Reply malformed = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", UUID.randomUUID().toString())
                .send("POST", "{\"outletId\": \"x\"");
        assertEquals(400, malformed.status(), malformed::toString);
        Reply noKey = shop.as(shop.cashier, "/api/v1/orders").post(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1)));
        assertEquals(400, noKey.status(), noKey::toString);
        Reply otherOutlet = shop.order(obj("outletId", other.outlet, "channel", "TAKEAWAY", "lines",
                Json.createArrayBuilder().add(shop.lemonadeLine(1)).build()));
        assertEquals(404, otherOutlet.status(), otherOutlet::toString);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherRequest() {
        String key = UUID.randomUUID().toString();
        JsonObject body = shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(2));
        Reply first = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", key).post(body);
        Reply again = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", key).post(body);
        assertEquals(201, first.status(), first::toString);
        assertEquals(201, again.status(), again::toString);
        assertEquals(first.json().getJsonNumber("id"), again.json().getJsonNumber("id"));
        assertEquals(first.json(), again.json());
        Reply different = shop.as(shop.cashier, "/api/v1/orders").header("Idempotency-Key", key)
                .post(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(3)));
        assertEquals(422, different.status(), different::toString);
        assertEquals("idempotency-key-reuse", different.kind());
        // keys are per tenant: the other tenant may use the same key for its own order
        Reply elsewhere = other.as(other.cashier, "/api/v1/orders").header("Idempotency-Key", key)
                .post(other.orderBody("TAKEAWAY", null, other.lemonadeLine(2)));
        assertEquals(201, elsewhere.status(), elsewhere::toString);
        assertNotEquals(first.json().getJsonNumber("id"), elsewhere.json().getJsonNumber("id"));
    }

    @Test
    void aStaleWriteIsAConflictCarryingTheCurrentOrder() throws Exception {
        JsonObject order = shop.order(shop.orderBody("DINE_IN", shop.table, shop.lemonadeLine(1))).json();
        long id = order.getJsonNumber("id").longValue();
        long version = order.getJsonNumber("version").longValue();
        JsonObject add = obj("lines", Json.createArrayBuilder().add(shop.lemonadeLine(1)).build());
        Callable<Reply> device = () -> shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines")
                .header("If-Match", "\"" + version + "\"").post(add);
        Future<Reply> a = pool.submit(device);
        Future<Reply> b = pool.submit(device);
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses::toString);
        Reply conflict = a.get().status() == 409 ? a.get() : b.get();
        assertEquals("conflict", conflict.kind());
        JsonObject current = conflict.json().getJsonObject("current");
        assertEquals(2, current.getJsonArray("lines").size());
        long newVersion = current.getJsonNumber("version").longValue();
        assertTrue(newVersion > version);
        Reply merged = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines").header("If-Match", "\"" + newVersion + "\"")
                .post(add);
        assertEquals(200, merged.status(), merged::toString);
        assertEquals(3, merged.json().getJsonArray("lines").size());
        assertEquals(new BigDecimal("11.22"), money(merged.json(), "total"));
    }

    @Test
    void sendingRoutesTicketsPerStationAndHeldCoursesWaitUntilFired() {
        JsonObject starter = obj("menuItemId", shop.lemonade, "quantity", 1, "course", 1);
        JsonObject main = Json.createObjectBuilder(shop.burgerLine(1, shop.wellDone)).add("course", 2)
                .add("note", "no onions").build();
        long id = shop.order(shop.orderBody("DINE_IN", shop.table, starter, main)).json().getJsonNumber("id").longValue();
        Reply sent = shop.as(shop.cashier, "/api/v1/orders/" + id + "/send").post(obj("hold", List.of(2)));
        assertEquals(200, sent.status(), sent::toString);
        assertEquals("SENT", sent.json().getString("status"));
        List<JsonObject> grill = tickets("GRILL", id);
        List<JsonObject> bar = tickets("BAR", id);
        assertEquals(1, grill.size());
        assertEquals("HELD", grill.get(0).getString("status"));
        assertEquals("no onions", grill.get(0).getJsonArray("lines").getJsonObject(0).getString("note"));
        assertEquals("NEW", bar.get(0).getString("status"));
        Reply fired = shop.as(shop.cashier, "/api/v1/orders/" + id + "/send").post(obj("fire", List.of(2)));
        assertEquals(200, fired.status(), fired::toString);
        assertEquals("NEW", tickets("GRILL", id).get(0).getString("status"));
        long ticket = grill.get(0).getJsonNumber("id").longValue();
        Reply bump = shop.as(shop.cashier, "/api/v1/kitchen/tickets/" + ticket + "/status").post(obj("status", "READY"));
        assertEquals(200, bump.status(), bump::toString);
        assertEquals("READY", bump.json().getString("status"));
        Reply back = shop.as(shop.cashier, "/api/v1/kitchen/tickets/" + ticket + "/status").post(obj("status", "IN_PROGRESS"));
        assertEquals(422, back.status(), back::toString);
        Reply nothing = shop.as(shop.cashier, "/api/v1/orders/" + id + "/send").post(obj());
        assertEquals(422, nothing.status(), nothing::toString);
    }

    static List<JsonObject> tickets(String station, long orderId) {
        Reply r = shop.as(shop.cashier, "/api/v1/outlets/" + shop.outlet + "/kitchen/tickets?station=" + station).get();
        assertEquals(200, r.status(), r::toString);
        return r.array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("orderId").longValue() == orderId).toList();
    }

    @Test
    void voidingASentLineNeedsAManagersPinAndIsAudited() {
        long id = shop.order(shop.orderBody("TAKEAWAY", null, shop.burgerLine(1, shop.rare), shop.lemonadeLine(1))).json()
                .getJsonNumber("id").longValue();
        JsonObject order = shop.as(shop.cashier, "/api/v1/orders/" + id).get().json();
        long burgerLine = order.getJsonArray("lines").getJsonObject(0).getJsonNumber("id").longValue();
        long lemonadeLine = order.getJsonArray("lines").getJsonObject(1).getJsonNumber("id").longValue();
        // before sending, a cashier voids alone
        Reply unsent = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines/" + lemonadeLine).send("DELETE",
                obj("reason", "changed mind"));
        assertEquals(200, unsent.status(), unsent::toString);
        assertEquals(200, shop.as(shop.cashier, "/api/v1/orders/" + id + "/send").post(obj()).status());
        Reply noReason = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines/" + burgerLine).send("DELETE", obj());
        assertEquals(400, noReason.status(), noReason::toString);
        Reply alone = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines/" + burgerLine).send("DELETE",
                obj("reason", "burnt"));
        assertEquals(403, alone.status(), alone::toString);
        Reply wrongPin = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines/" + burgerLine).send("DELETE",
                obj("reason", "burnt", "managerPin", "1111"));
        assertEquals(403, wrongPin.status(), wrongPin::toString);
        Reply approved = shop.as(shop.cashier, "/api/v1/orders/" + id + "/lines/" + burgerLine).send("DELETE",
                obj("reason", "burnt", "managerPin", "2222"));
        assertEquals(200, approved.status(), approved::toString);
        assertEquals(new BigDecimal("0.00"), money(approved.json(), "total"));
        List<JsonObject> audit = shop.tenant.call("/api/v1/audit?size=500").get().items();
        assertTrue(audit.stream().anyMatch(e -> e.getString("action").equals("order.line.void")
                && "manager".equals(e.getString("approvedBy", null)) && e.getString("detail").contains("burnt")),
                audit::toString);
        Reply voidOrder = shop.as(shop.cashier, "/api/v1/orders/" + id + "/void").post(obj("reason", "guest left"));
        assertEquals(403, voidOrder.status(), voidOrder::toString);
        Reply voided = shop.as(shop.manager, "/api/v1/orders/" + id + "/void").post(obj("reason", "guest left"));
        assertEquals(200, voided.status(), voided::toString);
        assertEquals("VOIDED", voided.json().getString("status"));
    }

    @Test
    void largeDiscountsNeedAManager() {
        JsonObject small = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(2)))
                .add("discount", obj("type", "PERCENT", "value", new BigDecimal("10"), "reason", "regular")).build();
        Reply ok = shop.order(small);
        assertEquals(201, ok.status(), ok::toString);
        assertEquals(new BigDecimal("0.70"), money(ok.json(), "discountTotal"));
        // 7.00 - 0.70 = 6.30 plus 7 % tax 0.441 -> 0.44
        assertEquals(new BigDecimal("6.74"), money(ok.json(), "total"));
        JsonObject big = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(2)))
                .add("discount", obj("type", "AMOUNT", "value", new BigDecimal("3.00"), "reason", "complaint")).build();
        Reply refused = shop.order(big);
        assertEquals(403, refused.status(), refused::toString);
        Reply approved = shop.order(Json.createObjectBuilder(big).add("managerPin", "2222").build());
        assertEquals(201, approved.status(), approved::toString);
        assertEquals("manager", approved.json().getJsonObject("discount").getString("approvedBy"));
    }

    @Test
    void cashAndCardSplitTheBillThenARefundAndTheZReport() {
        long id = shop.order(shop.orderBody("DINE_IN", shop.table, shop.burgerLine(1, shop.rare, shop.bacon),
                shop.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        // 11.40 incl. + 3.50 + 0.24 tax (0.245 HALF_EVEN) = 15.14
        JsonObject drawer = currentOrOpenDrawer();
        Reply cash = shop.pay(id, obj("method", "CASH", "amount", new BigDecimal("10.00"), "tendered", new BigDecimal("20.00")));
        assertEquals(201, cash.status(), cash::toString);
        assertEquals(new BigDecimal("10.00"), money(cash.json(), "change"));
        assertEquals(new BigDecimal("5.14"), money(cash.json(), "balance"));
        Reply declined = shop.pay(id, obj("method", "CARD", "amount", new BigDecimal("5.14"), "cardToken", "tok_chargeDeclined"));
        assertEquals(422, declined.status(), declined::toString);
        Reply tooMuch = shop.pay(id, obj("method", "CARD", "amount", new BigDecimal("6.00"), "cardToken", "tok_visa"));
        assertEquals(422, tooMuch.status(), tooMuch::toString);
        Reply card = shop.pay(id, obj("method", "CARD", "amount", new BigDecimal("5.14"), "tip", new BigDecimal("1.00"),
                "cardToken", "tok_visa"));
        assertEquals(201, card.status(), card::toString);
        assertEquals("COMPLETED", card.json().getString("orderStatus"));
        JsonObject order = shop.as(shop.cashier, "/api/v1/orders/" + id).get().json();
        assertEquals("COMPLETED", order.getString("status"));
        assertEquals(new BigDecimal("1.00"), money(order, "tips"));
        Reply paidAgain = shop.pay(id, obj("method", "CARD", "amount", new BigDecimal("1.00"), "cardToken", "tok_visa"));
        assertEquals(422, paidAgain.status(), paidAgain::toString);

        String key = UUID.randomUUID().toString();
        Reply cashierRefund = shop.as(shop.cashier, "/api/v1/orders/" + id + "/refunds").header("Idempotency-Key", key)
                .post(obj("amount", new BigDecimal("2.00"), "reason", "cold fries"));
        assertEquals(403, cashierRefund.status(), cashierRefund::toString);
        Reply refund = shop.as(shop.cashier, "/api/v1/orders/" + id + "/refunds").header("Idempotency-Key", key)
                .post(obj("amount", new BigDecimal("2.00"), "reason", "cold fries", "managerPin", "2222"));
        assertEquals(201, refund.status(), refund::toString);
        assertEquals("PARTIALLY_REFUNDED", refund.json().getString("orderStatus"));
        assertEquals("CARD", refund.json().getJsonArray("parts").getJsonObject(0).getString("method"));
        Reply replay = shop.as(shop.cashier, "/api/v1/orders/" + id + "/refunds").header("Idempotency-Key", key)
                .post(obj("amount", new BigDecimal("2.00"), "reason", "cold fries", "managerPin", "2222"));
        assertEquals(201, replay.status(), replay::toString);
        assertEquals(refund.json(), replay.json());
        assertEquals(new BigDecimal("2.00"), money(shop.as(shop.cashier, "/api/v1/orders/" + id).get().json(), "refunded"));

        long session = drawer.getJsonNumber("id").longValue();
        Reply closed = shop.as(shop.cashier, "/api/v1/cash-sessions/" + session + "/close")
                .post(obj("countedCash", new BigDecimal("109.50")));
        assertEquals(200, closed.status(), closed::toString);
        JsonObject z = closed.json().getJsonObject("zReport");
        BigDecimal expected = money(drawer, "openingFloat").add(money(z, "cashSales")).subtract(money(z, "cashRefunds"));
        assertEquals(expected, money(z, "expectedCash"));
        assertEquals(new BigDecimal("109.50").subtract(expected), money(z, "variance"));
        assertTrue(money(z.getJsonObject("byTender"), "CARD").compareTo(new BigDecimal("6.14")) >= 0, z::toString);
        Reply twice = shop.as(shop.cashier, "/api/v1/cash-sessions/" + session + "/close")
                .post(obj("countedCash", new BigDecimal("1")));
        assertEquals(422, twice.status(), twice::toString);
    }

    static synchronized JsonObject currentOrOpenDrawer() {
        Reply current = shop.as(shop.cashier, "/api/v1/outlets/" + shop.outlet + "/cash-sessions/current").get();
        return current.status() == 200 ? current.json() : shop.openDrawer(new BigDecimal("100.00"));
    }

    @Test
    void cashNeedsAnOpenDrawerAndAQuickSaleCompletesInOneCall() {
        long id = other.order(other.orderBody("TAKEAWAY", null, other.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        Reply closedDrawer = other.pay(id, obj("method", "CASH", "amount", new BigDecimal("3.74")));
        assertEquals(422, closedDrawer.status(), closedDrawer::toString);
        Reply number = other.pay(id, obj("method", "CARD", "amount", new BigDecimal("3.74"), "cardToken", "4242 4242 4242 4242"));
        assertEquals(400, number.status(), number::toString);
        JsonObject quick = Json.createObjectBuilder(other.orderBody("TAKEAWAY", null, other.lemonadeLine(2)))
                .add("payments", Json.createArrayBuilder().add(obj("method", "CARD", "amount", new BigDecimal("7.49"),
                        "cardToken", "tok_visa"))).build();
        Reply sale = other.order(quick);
        assertEquals(201, sale.status(), sale::toString);
        assertEquals("COMPLETED", sale.json().getString("status"));
        assertEquals(new BigDecimal("0.00"), money(sale.json(), "balance"));
    }

    @Test
    void twoDevicesSellingTheLastBurgerDoNotOversell() throws Exception {
        Shop last = Shop.withBeef("last", new BigDecimal("0.15"));
        long first = last.order(last.orderBody("TAKEAWAY", null, last.burgerLine(1, last.rare))).json().getJsonNumber("id")
                .longValue();
        long second = last.order(last.orderBody("TAKEAWAY", null, last.burgerLine(1, last.rare))).json().getJsonNumber("id")
                .longValue();
        Callable<Reply> payFirst = () -> last.pay(first, obj("method", "CARD", "amount", new BigDecimal("9.90"),
                "cardToken", "tok_visa"));
        Callable<Reply> paySecond = () -> last.pay(second, obj("method", "CARD", "amount", new BigDecimal("9.90"),
                "cardToken", "tok_visa"));
        Future<Reply> a = pool.submit(payFirst);
        Future<Reply> b = pool.submit(paySecond);
        List<Integer> statuses = List.of(a.get().status(), b.get().status());
        assertTrue(statuses.contains(201) && statuses.contains(422), statuses::toString);
        Reply refused = a.get().status() == 422 ? a.get() : b.get();
        assertTrue(refused.body().contains("BEEF"), refused::toString);
        long refusedId = refused == a.get() ? first : second;
        JsonObject unpaid = last.as(last.cashier, "/api/v1/orders/" + refusedId).get().json();
        assertEquals("OPEN", unpaid.getString("status"));
        assertEquals(0, unpaid.getJsonArray("payments").size(), "the refused order was never charged");
        // the sale's deduction lands through JMS; nothing was oversold
        long deadline = System.currentTimeMillis() + 30_000;
        while (last.onHand(last.beef).signum() != 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertEquals(0, last.onHand(last.beef).signum());
        Reply more = last.order(last.orderBody("TAKEAWAY", null, last.burgerLine(1, last.rare)));
        assertEquals(422, more.status(), more::toString);
    }

    @Test
    void theReceiptIsHtmlOrPdfAndOnlyForItsTenant() throws Exception {
        JsonObject quick = Json.createObjectBuilder(shop.orderBody("TAKEAWAY", null, shop.burgerLine(1, shop.rare, shop.cheese)))
                .add("payments", Json.createArrayBuilder().add(obj("method", "CARD", "amount", new BigDecimal("10.90"),
                        "cardToken", "tok_visa"))).build();
        long id = shop.order(quick).json().getJsonNumber("id").longValue();
        Reply html = shop.as(shop.cashier, "/api/v1/orders/" + id + "/receipt").header("Accept", "text/html").get();
        assertEquals(200, html.status(), html::toString);
        assertTrue(html.header("Content-Type").startsWith("text/html"), html::toString);
        assertTrue(html.body().contains("1 x Burger") && html.body().contains("+ Cheese") && html.body().contains("10.90")
                && html.body().contains("Diner"), html::body);
        var pdf = Api.HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/api/v1/orders/" + id
                + "/receipt")).header("Authorization", "Bearer " + shop.cashier).header("X-Tenant-ID", shop.tenant.slug())
                .header("Accept", "application/pdf").GET().build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        assertEquals("%PDF", new String(pdf.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(404, other.as(other.cashier, "/api/v1/orders/" + id + "/receipt").get().status());
    }

    @Test
    void anotherTenantCannotSeeOrChangeOrdersTicketsOrDrawers() {
        long id = shop.order(shop.orderBody("TAKEAWAY", null, shop.lemonadeLine(1))).json().getJsonNumber("id").longValue();
        shop.as(shop.cashier, "/api/v1/orders/" + id + "/send").post(obj());
        long ticket = tickets("BAR", id).get(0).getJsonNumber("id").longValue();
        assertEquals(404, other.as(other.cashier, "/api/v1/orders/" + id).get().status());
        assertEquals(404, other.tenant.call("/api/v1/orders/" + id).get().status());
        assertEquals(404, other.pay(id, obj("method", "CARD", "amount", new BigDecimal("1.00"), "cardToken", "tok_visa"))
                .status());
        assertEquals(404, other.as(other.cashier, "/api/v1/orders/" + id + "/lines").post(obj("lines",
                Json.createArrayBuilder().add(other.lemonadeLine(1)).build())).status());
        assertEquals(404, other.tenant.call("/api/v1/orders/" + id + "/void").post(obj("reason", "x")).status());
        assertEquals(404, other.as(other.cashier, "/api/v1/kitchen/tickets/" + ticket + "/status")
                .post(obj("status", "READY")).status());
        assertFalse(other.tenant.call("/api/v1/orders?size=500").get().items().stream()
                .anyMatch(o -> o.getJsonNumber("id").longValue() == id));
        assertEquals(404, other.as(other.cashier, "/api/v1/outlets/" + shop.outlet + "/kitchen/tickets").get().status());
        JsonObject drawer = currentOrOpenDrawer();
        assertEquals(404, other.tenant.call("/api/v1/cash-sessions/" + drawer.getJsonNumber("id")).get().status());
        // the token names its own tenant: naming the other tenant is refused outright
        assertEquals(403, Api.at("/api/v1/orders/" + id).token(other.cashier).tenant(shop.tenant.slug()).get().status());
    }
}
