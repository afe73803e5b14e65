package it.api;

import static it.Api.at;
import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Shop;
import it.SocketInbox;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Online orders (issue 12) over HTTP: a partner signs and sends them (PartnersIT's signing, from the
 * README's recipe), the server prices them from the menu, a repeat of a reference is the same order and
 * a conflicting one a 409; the staff accept (only then the kitchen sees it), reject and move them along;
 * the partner cancels until READY; nothing crosses tenants or partners. (The auto-reject timer is
 * exercised inside the server: arq.OnlineAutoRejectIT.)
 */
class OnlineOrdersIT {

    static final String ONLINE = "/api/v1/online-orders";
    static Shop a;
    static Shop b;
    static long otherOutletOfA;
    static PartnersIT.Key partner;
    static PartnersIT.Key rival;
    static PartnersIT.Key partnerOfB;
    static final ExecutorService POOL = Executors.newFixedThreadPool(4);

    @BeforeAll
    static void shops() {
        a = Shop.open("onlinea");
        b = Shop.open("onlineb");
        otherOutletOfA = Api.createOutlet(a.tenant, "Station").getJsonNumber("id").longValue();
        partner = PartnersIT.create(a.tenant, "Deliveroo", List.of(a.outlet));
        rival = PartnersIT.create(a.tenant, "Wolt", List.of(a.outlet));
        partnerOfB = PartnersIT.create(b.tenant, "Bolt", List.of(b.outlet));
    }

    @AfterAll
    static void stop() {
        POOL.shutdownNow();
    }

    /** A signed call of the partner {@code key} in {@code tenant}, with the body as the exact bytes signed and sent. */
    static Reply signed(String tenant, PartnersIT.Key key, String method, String path, String body) {
        return signed(tenant, key, method, path, body, null);
    }

    static Reply signed(String tenant, PartnersIT.Key key, String method, String path, String body, String idempotencyKey) {
        try {
            String ts = Long.toString(PartnersIT.now());
            Api.Call call = at(path).tenant(tenant).header("X-RMS-Key-Id", key.keyId()).header("X-RMS-Timestamp", ts)
                    .header("X-RMS-Signature", PartnersIT.sign(key.secret(), ts, body == null ? "" : body));
            return (idempotencyKey == null ? call : call.header("Idempotency-Key", idempotencyKey)).send(method, body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Reply send(Shop shop, PartnersIT.Key key, JsonObject body) {
        return signed(shop.tenant.slug(), key, "POST", ONLINE, body.toString());
    }

    static Reply cancel(Shop shop, PartnersIT.Key key, long id, String reason) {
        return signed(shop.tenant.slug(), key, "POST", ONLINE + "/" + id + "/cancel", obj("reason", reason).toString());
    }

    /** One burger (rare) and a lemonade for Ann, picked up, cash on delivery; the client's "amount" is no price. */
    static JsonObject body(Shop shop, String ref) {
        return obj("outletId", shop.outlet, "externalRef", ref,
                "customer", obj("name", "Ann Example", "phone", "+49 30 1234", "email", "ann@example.com"),
                "fulfilment", "PICKUP", "requestedAt", null,
                "lines", Json.createArrayBuilder().add(Json.createObjectBuilder(shop.burgerLine(1, shop.rare))
                        .add("note", "no onions").add("price", new BigDecimal("0.01"))).add(shop.lemonadeLine(1)).build(),
                "payment", obj("method", "CASH_ON_DELIVERY", "amount", new BigDecimal("0.02")), "notes", "ring twice");
    }

    /** A fresh partner reference (letters only: a long run of digits would be refused as a card number). */
    static String ref() {
        StringBuilder ref = new StringBuilder("ext-");
        java.util.concurrent.ThreadLocalRandom.current().ints(16, 'a', 'z' + 1).forEach(c -> ref.append((char) c));
        return ref.toString();
    }

    static long id(Reply reply) {
        return reply.json().getJsonNumber("id").longValue();
    }

    static JsonObject received(Shop shop, String ref) {
        Reply r = send(shop, partner(shop), body(shop, ref));
        assertEquals(201, r.status(), r::toString);
        return r.json();
    }

    static PartnersIT.Key partner(Shop shop) {
        return shop == a ? partner : partnerOfB;
    }

    static Reply staff(Shop shop, String token, String path, JsonObject body) {
        return body == null ? shop.as(token, ONLINE + path).get() : shop.as(token, ONLINE + path).post(body);
    }

    static List<JsonObject> tickets(Shop shop, long orderId) {
        Reply r = shop.as(shop.cashier, "/api/v1/outlets/" + shop.outlet + "/kitchen/tickets").get();
        assertEquals(200, r.status(), r::toString);
        return r.array().getValuesAs(JsonObject.class).stream()
                .filter(t -> t.getJsonNumber("orderId").longValue() == orderId).toList();
    }

    @Test
    void aSignedOrderIsPricedByTheServerAndStoredAsAnOnlineOrderOfChannelOnline() {
        Reply r = send(a, partner, body(a, ref()));
        assertEquals(201, r.status(), r::toString);
        JsonObject online = r.json();
        assertEquals("RECEIVED", online.getString("status"));
        assertTrue(r.header("Location").endsWith(ONLINE + "/" + id(r)), r::toString);
        assertFalse(online.isNull("estimatedReadyAt"));
        long orderId = online.getJsonNumber("orderId").longValue();
        JsonObject order = a.as(a.cashier, "/api/v1/orders/" + orderId).get().json();
        assertEquals("ONLINE", order.getString("channel"));
        assertEquals("OPEN", order.getString("status"));
        assertEquals("partner:" + partner.partnerId(), order.getString("createdBy"));
        BigDecimal total = online.getJsonNumber("total").bigDecimalValue();
        assertEquals(order.getJsonNumber("total").bigDecimalValue(), total);
        assertEquals(order.getJsonNumber("balance").bigDecimalValue(), total, "cash on delivery: the total stays as balance");
        // the menu's prices, as a POS order of the same lines is priced, not the client's 0.01 and 0.02
        Reply pos = a.order(a.orderBody("TAKEAWAY", null, a.burgerLine(1, a.rare), a.lemonadeLine(1)));
        assertEquals(201, pos.status(), pos::toString);
        assertEquals(pos.json().getJsonNumber("total").bigDecimalValue(), total);
        assertTrue(total.compareTo(new BigDecimal("13")) > 0, total::toString);
        assertEquals("no onions", order.getJsonArray("lines").getJsonObject(0).getString("note"));
        assertTrue(a.as(a.cashier, "/api/v1/orders?outletId=" + a.outlet).get().items().stream()
                .anyMatch(o -> o.getJsonNumber("id").longValue() == orderId), "an online order is in the order list");
        assertEquals(List.of(), tickets(a, orderId), "the kitchen sees nothing before the order is accepted");
        Reply read = staff(a, a.cashier, "/" + id(r), null);
        assertEquals(200, read.status(), read::toString);
        assertEquals("Ann Example", read.json().getJsonObject("customer").getString("name"));
        assertEquals("PICKUP", read.json().getString("fulfilment"));
        assertEquals("CASH_ON_DELIVERY", read.json().getString("paymentMethod"));
        assertEquals("ring twice", read.json().getString("notes"));
        JsonObject listed = list(a, "RECEIVED").stream().filter(o -> o.getJsonNumber("id").longValue() == id(r))
                .findFirst().orElseThrow();
        assertEquals(total, listed.getJsonNumber("total").bigDecimalValue(), "the list shows the priced total");
        assertEquals(order.getString("currency"), listed.getString("currency"));
    }

    @Test
    void theSameReferenceAgainIsTheSameOrderAndAConflictingOneIs409() {
        String ref = ref();
        Reply first = send(a, partner, body(a, ref));
        assertEquals(201, first.status(), first::toString);
        Reply again = send(a, partner, body(a, ref));
        assertEquals(200, again.status(), again::toString);
        assertEquals(first.json(), again.json(), "the same body");
        JsonObject changed = Json.createObjectBuilder(body(a, ref)).add("notes", "ring three times").build();
        Api.Reply conflict = send(a, partner, changed);
        EdgeAttackIT.assertProblem(conflict, 409, "conflict");
        assertEquals(1, list(a, "RECEIVED").stream().filter(o -> o.getString("externalRef").equals(ref)).count());
        // another partner may use the same reference for its own order
        Reply rivals = send(a, rival, body(a, ref));
        assertEquals(201, rivals.status(), rivals::toString);
        assertNotEquals(id(first), id(rivals));
    }

    @Test
    void anOptionalIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        String key = "key-" + ref();
        JsonObject body = body(a, ref());
        Reply first = signedWithKey(key, body);
        assertEquals(201, first.status(), first::toString);
        Reply replay = signedWithKey(key, body);
        assertEquals(201, replay.status(), replay::toString);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json());
        Reply reuse = signedWithKey(key, body(a, ref()));
        EdgeAttackIT.assertProblem(reuse, 422, "idempotency-key-reuse");
        // a new key for a reference already taken: the same online order, 200
        Reply sameRef = signedWithKey("key-" + ref(), body);
        assertEquals(200, sameRef.status(), sameRef::toString);
        assertEquals(id(first), id(sameRef));
    }

    static Reply signedWithKey(String key, JsonObject body) {
        return signed(a.tenant.slug(), partner, "POST", ONLINE, body.toString(), key);
    }

    @Test
    void concurrentRepeatsOfOneReferenceMakeOneOrder() throws Exception {
        String ref = ref();
        List<Callable<Reply>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> send(a, partner, body(a, ref)));
        }
        List<Reply> replies = new ArrayList<>();
        for (Future<Reply> f : POOL.invokeAll(calls)) {
            replies.add(f.get());
        }
        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), replies::toString);
        assertEquals(3, replies.stream().filter(r -> r.status() == 200).count(), replies::toString);
        assertEquals(1, replies.stream().map(OnlineOrdersIT::id).distinct().count());
        long orders = a.as(a.cashier, "/api/v1/orders?outletId=" + a.outlet + "&size=500").get().items().stream()
                .filter(o -> o.getJsonNumber("id").longValue() == replies.get(0).json().getJsonNumber("orderId").longValue())
                .count();
        assertEquals(1, orders);
    }

    static List<JsonObject> list(Shop shop, String status) {
        Reply r = shop.as(shop.cashier, ONLINE + "?outletId=" + shop.outlet + "&size=500"
                + (status == null ? "" : "&status=" + status)).get();
        assertEquals(200, r.status(), r::toString);
        assertTrue(r.json().containsKey("total") && r.json().containsKey("page"), r::toString);
        return r.items();
    }

    @Test
    void badRequestsAreRefusedAndCreateNothing() {
        int before = list(a, null).size();
        JsonObject unknownItem = Json.createObjectBuilder(body(a, ref()))
                .add("lines", Json.createArrayBuilder().add(obj("menuItemId", 999_999_999L, "quantity", 1))).build();
        Reply unknown = send(a, partner, unknownItem);
        EdgeAttackIT.assertProblem(unknown, 422, "business-rule");
        assertTrue(unknown.body().contains("lines[0]"), unknown::toString);

        Reply otherOutlet = send(a, partner, Json.createObjectBuilder(body(a, ref()))
                .add("outletId", otherOutletOfA).build());
        EdgeAttackIT.assertProblem(otherOutlet, 404, "not-found");

        Reply malformed = signed(a.tenant.slug(), partner, "POST", ONLINE, "{\"outletId\": ");
        EdgeAttackIT.assertProblem(malformed, 400, "validation");

        Reply noAddress = send(a, partner, Json.createObjectBuilder(body(a, ref()))
                .add("fulfilment", "DELIVERY").build());
        assertInvalid(noAddress, "address");
        Reply badFields = send(a, partner, Json.createObjectBuilder(body(a, ref()))
                .add("fulfilment", "DRONE").add("requestedAt", "tomorrow").add("customer", obj("name", " "))
                .add("lines", Json.createArrayBuilder().add(obj("menuItemId", a.lemonade, "quantity", 0))).build());
        for (String field : List.of("fulfilment", "requestedAt", "customer.name", "lines[0].quantity")) {
            assertInvalid(badFields, field);
        }
        Reply card = send(a, partner, Json.createObjectBuilder(body(a, ref()))
                .add("payment", obj("method", "CARD", "cardToken", "tok_visa")).build());
        EdgeAttackIT.assertProblem(card, 422, "business-rule");
        Reply unsigned = at(ONLINE).tenant(a.tenant.slug()).post(body(a, ref()));
        PartnersIT.assertRefused(unsigned);
        Reply staffToken = a.as(a.cashier, ONLINE).post(body(a, ref()));
        PartnersIT.assertRefused(staffToken);
        Reply otherTenant = signed(b.tenant.slug(), partner, "POST", ONLINE, body(a, ref()).toString());
        PartnersIT.assertRefused(otherTenant);
        assertEquals(before, list(a, null).size(), "nothing was created");
    }

    static void assertInvalid(Reply reply, String field) {
        EdgeAttackIT.assertProblem(reply, 400, "validation");
        assertTrue(reply.json().getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(e -> e.getString("field").equals(field)), () -> field + " in " + reply);
    }

    @Test
    void acceptingSendsTheOrderToTheKitchenAndTheStatusMovesOnlyForward() {
        JsonObject online = received(a, ref());
        long id = online.getJsonNumber("id").longValue();
        long orderId = online.getJsonNumber("orderId").longValue();
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/status", obj("status", "READY")), 409, "conflict");
        assertEquals(List.of(), tickets(a, orderId));

        Reply accepted = staff(a, a.cashier, "/" + id + "/accept", obj("readyInMinutes", 25));
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("ACCEPTED", accepted.json().getString("status"));
        assertNotEquals(online.getString("estimatedReadyAt"), accepted.json().getString("estimatedReadyAt"));
        assertEquals(2, tickets(a, orderId).size(), "a ticket per station (grill, bar) once accepted");
        assertEquals("SENT", a.as(a.cashier, "/api/v1/orders/" + orderId).get().json().getString("status"));
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/accept", obj()), 409, "conflict");
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/reject", obj("reason", "late")), 409, "conflict");

        // an online order is an order: the staff change it with the order endpoints until it is READY
        Reply more = a.as(a.cashier, "/api/v1/orders/" + orderId + "/lines").post(obj("lines",
                Json.createArrayBuilder().add(a.lemonadeLine(1)).build()));
        assertEquals(200, more.status(), more::toString);
        BigDecimal repriced = more.json().getJsonNumber("total").bigDecimalValue();
        assertTrue(repriced.compareTo(online.getJsonNumber("total").bigDecimalValue()) > 0);
        assertEquals(repriced, staff(a, a.cashier, "/" + id, null).json().getJsonNumber("total").bigDecimalValue());
        for (String status : List.of("PREPARING", "READY")) {
            Reply moved = staff(a, a.cashier, "/" + id + "/status", obj("status", status));
            assertEquals(200, moved.status(), moved::toString);
            assertEquals(status, moved.json().getString("status"));
        }
        Reply late = a.as(a.cashier, "/api/v1/orders/" + orderId + "/lines").post(obj("lines",
                Json.createArrayBuilder().add(a.lemonadeLine(1)).build()));
        EdgeAttackIT.assertProblem(late, 422, "business-rule");
        assertTrue(late.json().getString("detail").contains("READY"), late::toString);
        EdgeAttackIT.assertProblem(a.as(a.manager, "/api/v1/orders/" + orderId + "/discount").put(obj("type", "AMOUNT",
                "value", new BigDecimal("1.00"), "reason", "late")), 422, "business-rule");
        assertEquals(repriced, a.as(a.cashier, "/api/v1/orders/" + orderId).get().json().getJsonNumber("total")
                .bigDecimalValue(), "nothing changed");
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/status", obj("status", "PREPARING")), 409, "conflict");
        EdgeAttackIT.assertProblem(cancel(a, partner, id, "too late"), 409, "conflict");
        EdgeAttackIT.assertProblem(staff(a, a.manager, "/" + id + "/status", obj("status", "CANCELLED", "reason", "x")),
                409, "conflict");
        Reply done = staff(a, a.cashier, "/" + id + "/status", obj("status", "COMPLETED"));
        assertEquals(200, done.status(), done::toString);
        assertEquals("COMPLETED", done.json().getString("status"));
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/status", obj("status", "READY")), 409, "conflict");
        assertInvalid(staff(a, a.cashier, "/" + id + "/status", obj("status", "EATEN")), "status");
        assertTrue(list(a, "COMPLETED").stream().anyMatch(o -> o.getJsonNumber("id").longValue() == id));
        assertFalse(list(a, "RECEIVED").stream().anyMatch(o -> o.getJsonNumber("id").longValue() == id));
    }

    @Test
    void aRejectionVoidsTheOrderWithItsReason() {
        JsonObject online = received(a, ref());
        long id = online.getJsonNumber("id").longValue();
        assertInvalid(staff(a, a.cashier, "/" + id + "/reject", obj()), "reason");
        Reply rejected = staff(a, a.cashier, "/" + id + "/reject", obj("reason", "kitchen closing"));
        assertEquals(200, rejected.status(), rejected::toString);
        assertEquals("REJECTED", rejected.json().getString("status"));
        assertEquals("kitchen closing", rejected.json().getString("reason"));
        JsonObject order = a.as(a.cashier, "/api/v1/orders/" + online.getJsonNumber("orderId").longValue()).get().json();
        assertEquals("VOIDED", order.getString("status"));
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/accept", obj()), 409, "conflict");
        EdgeAttackIT.assertProblem(cancel(a, partner, id, "changed mind"), 409, "conflict");
    }

    @Test
    void thePartnerCancelsItsOwnOrderBeforeReadyAndTheKitchenTicketsAreVoided() {
        JsonObject online = received(a, ref());
        long id = online.getJsonNumber("id").longValue();
        long orderId = online.getJsonNumber("orderId").longValue();
        assertEquals(200, staff(a, a.cashier, "/" + id + "/accept", obj()).status());
        EdgeAttackIT.assertProblem(cancel(a, rival, id, "not mine"), 404, "not-found");
        Reply cancelled = cancel(a, partner, id, "customer changed their mind");
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
        assertEquals("VOIDED", a.as(a.cashier, "/api/v1/orders/" + orderId).get().json().getString("status"));
        assertTrue(tickets(a, orderId).stream().allMatch(t -> t.getString("status").equals("VOIDED")
                || t.getJsonArray("lines").getValuesAs(JsonObject.class).stream().allMatch(l -> l.getBoolean("voided", false))),
                () -> tickets(a, orderId).toString());
        EdgeAttackIT.assertProblem(cancel(a, partner, id, "again"), 409, "conflict");
    }

    @Test
    void aManagerMayCancelACashierMayNot() {
        long id = received(a, ref()).getJsonNumber("id").longValue();
        EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/status", obj("status", "CANCELLED", "reason", "x")),
                403, "authorization");
        assertInvalid(staff(a, a.manager, "/" + id + "/status", obj("status", "CANCELLED")), "reason");
        Reply cancelled = staff(a, a.manager, "/" + id + "/status", obj("status", "CANCELLED", "reason", "out of beef"));
        assertEquals(200, cancelled.status(), cancelled::toString);
        assertEquals("CANCELLED", cancelled.json().getString("status"));
    }

    @Test
    void anOutletsOnlineSettingsSetTheDeadlineAndTheEstimateOfNewOrders() {
        String settings = "/api/v1/outlets/" + a.outlet + "/online-settings";
        Reply defaults = a.as(a.cashier, settings).get();
        assertEquals(200, defaults.status(), defaults::toString);
        assertEquals(10, defaults.json().getInt("effectiveAcceptMinutes"));
        assertEquals(20, defaults.json().getInt("effectiveReadyMinutes"));
        EdgeAttackIT.assertProblem(a.as(a.cashier, settings).put(obj("onlineAcceptMinutes", 3)), 403, "authorization");
        assertInvalid(a.as(a.manager, settings).put(obj("onlineAcceptMinutes", 0, "onlineReadyMinutes", 241)),
                "onlineAcceptMinutes");
        EdgeAttackIT.assertProblem(b.as(b.tenant.ownerToken(), "/api/v1/outlets/" + a.outlet + "/online-settings")
                .put(obj("onlineAcceptMinutes", 3)), 404, "not-found");
        try {
            Reply set = a.as(a.manager, settings).put(obj("onlineAcceptMinutes", 3, "onlineReadyMinutes", 45));
            assertEquals(200, set.status(), set::toString);
            assertEquals(3, set.json().getInt("effectiveAcceptMinutes"));
            JsonObject online = received(a, ref());
            java.time.Duration toAccept = java.time.Duration.between(java.time.OffsetDateTime.parse(online.getString("createdAt")),
                    java.time.OffsetDateTime.parse(online.getString("acceptBy")));
            assertTrue(toAccept.compareTo(java.time.Duration.ofMinutes(3)) <= 0
                    && toAccept.compareTo(java.time.Duration.ofSeconds(178)) > 0, online::toString);
            java.time.Duration toReady = java.time.Duration.between(java.time.OffsetDateTime.parse(online.getString("createdAt")),
                    java.time.OffsetDateTime.parse(online.getString("estimatedReadyAt")));
            assertTrue(toReady.compareTo(java.time.Duration.ofMinutes(45)) <= 0
                    && toReady.compareTo(java.time.Duration.ofSeconds(45 * 60 - 2)) > 0, online::toString);
        } finally {
            Reply back = a.as(a.manager, settings).put(obj());
            assertEquals(200, back.status(), back::toString);
            assertEquals(10, back.json().getInt("effectiveAcceptMinutes"));
            assertTrue(!back.json().containsKey("onlineAcceptMinutes") || back.json().isNull("onlineAcceptMinutes"),
                    back::toString);
        }
    }

    @Test
    void anotherTenantNeverSeesAnOnlineOrder() {
        JsonObject online = received(a, ref());
        long id = online.getJsonNumber("id").longValue();
        for (String token : List.of(b.cashier, b.tenant.ownerToken())) {
            EdgeAttackIT.assertProblem(staff(b, token, "/" + id, null), 404, "not-found");
            EdgeAttackIT.assertProblem(staff(b, token, "/" + id + "/accept", obj()), 404, "not-found");
            EdgeAttackIT.assertProblem(staff(b, token, "/" + id + "/reject", obj("reason", "x")), 404, "not-found");
        }
        Reply listB = b.as(b.tenant.ownerToken(), ONLINE + "?size=500").get();
        assertEquals(200, listB.status(), listB::toString);
        assertFalse(listB.items().stream().anyMatch(o -> o.getJsonNumber("id").longValue() == id));
        EdgeAttackIT.assertProblem(cancel(b, partnerOfB, id, "x"), 404, "not-found");
        assertEquals("RECEIVED", staff(a, a.cashier, "/" + id, null).json().getString("status"));
    }

    @Test
    void theOutletsStaffHearTheOnlineOrderAfterCommitAndAnotherTenantHearsNothing() throws Exception {
        String ws = Api.BASE.replace("http", "ws") + "/ws/events?access_token=";
        SocketInbox inboxA = new SocketInbox();
        SocketInbox inboxB = new SocketInbox();
        WebSocket socketA = Api.HTTP.newWebSocketBuilder().buildAsync(URI.create(ws + a.cashier), inboxA).join();
        WebSocket socketB = Api.HTTP.newWebSocketBuilder().buildAsync(URI.create(ws + b.tenant.ownerToken()), inboxB).join();
        try {
            Thread.sleep(300);
            JsonObject online = received(a, ref());
            long id = online.getJsonNumber("id").longValue();
            JsonObject event = inboxA.next("online-order.received");
            assertTrue(event != null, "tenant A's POS hears the new online order");
            assertEquals(a.outlet, event.getJsonNumber("outletId").longValue());
            assertEquals(id, event.getJsonObject("data").getJsonNumber("id").longValue());
            assertEquals("RECEIVED", event.getJsonObject("data").getString("status"));
            assertEquals(online.getString("externalRef"), event.getJsonObject("data").getString("externalRef"));
            assertEquals(200, staff(a, a.cashier, "/" + id + "/accept", obj()).status());
            JsonObject updated = inboxA.next("online-order.updated");
            assertTrue(updated != null, "tenant A hears the acceptance");
            assertEquals("ACCEPTED", updated.getJsonObject("data").getString("status"));
            // a refused change announces nothing
            EdgeAttackIT.assertProblem(staff(a, a.cashier, "/" + id + "/accept", obj()), 409, "conflict");
            assertEquals(null, inboxA.next("online-order.updated"));
            assertTrue(inboxB.events.stream().noneMatch(e -> e.getString("type").startsWith("online-order.")),
                    () -> "tenant B heard " + inboxB.events);
        } finally {
            socketA.abort();
            socketB.abort();
        }
    }
}
