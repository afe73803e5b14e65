package it.api;

import static it.Api.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.SocketInbox;
import it.Api.TestTenant;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** /ws/events: authenticated, tenant- and outlet-scoped, and only committed changes. */
class EventsSocketIT {

    private static final String WS = Api.BASE.replace("http", "ws") + "/ws/events";


    @org.junit.jupiter.api.BeforeAll
    static void serverReady() {
        Api.awaitReady();
    }

    private static WebSocket open(String token, SocketInbox inbox) {
        return Api.HTTP.newWebSocketBuilder().buildAsync(URI.create(WS + "?access_token=" + token), inbox).join();
    }

    @Test
    void subscribersHearTheirOwnTenantsCommittedChangesOnly() throws Exception {
        TestTenant a = Api.newTenant("wsa");
        TestTenant b = Api.newTenant("wsb");
        long outletA = Api.createOutlet(a, "Pier").getJsonNumber("id").longValue();
        SocketInbox inboxA = new SocketInbox();
        SocketInbox inboxB = new SocketInbox();
        WebSocket socketA = open(a.ownerToken(), inboxA);
        WebSocket socketB = open(b.ownerToken(), inboxB);
        try {
            Thread.sleep(300);
            assertEquals(201, a.call("/api/v1/outlets/" + outletA + "/tables").post(obj("label", "P1", "seats", 6)).status());
            JsonObject event = inboxA.next("table.updated");
            assertTrue(event != null, "tenant A's socket hears its table");
            assertEquals(outletA, event.getJsonNumber("outletId").longValue());
            assertEquals("P1", event.getJsonObject("data").getString("label"));
            assertTrue(event.containsKey("at"));

            // a rejected change (duplicate label) is never announced
            assertEquals(409, a.call("/api/v1/outlets/" + outletA + "/tables").post(obj("label", "P1", "seats", 2)).status());
            assertNull(inboxA.next("table.updated"), "nothing was committed, nothing is announced");
            assertNull(inboxB.next("table.updated"), "tenant B hears nothing of tenant A");
        } finally {
            socketA.abort();
            socketB.abort();
        }
    }

    @Test
    void outletStaffHearOnlyTheirOutlets() throws Exception {
        TestTenant t = Api.newTenant("wso");
        long one = Api.createOutlet(t, "One").getJsonNumber("id").longValue();
        long two = Api.createOutlet(t, "Two").getJsonNumber("id").longValue();
        assertEquals(201, t.call("/api/v1/staff").post(obj("username", "wes", "displayName", "Wes", "roles",
                List.of("WAITER"), "outletIds", List.of(one), "pin", "7777")).status());
        String waiter = Api.at("/api/v1/auth/pin").post(obj("tenant", t.slug(), "outletId", one, "pin", "7777"))
                .json().getString("access_token");
        SocketInbox inbox = new SocketInbox();
        WebSocket socket = open(waiter, inbox);
        try {
            Thread.sleep(300);
            t.call("/api/v1/outlets/" + two + "/tables").post(obj("label", "Secret", "seats", 2));
            t.call("/api/v1/outlets/" + one + "/tables").post(obj("label", "Mine", "seats", 2));
            JsonObject event = inbox.next("table.updated");
            assertEquals("Mine", event.getJsonObject("data").getString("label"));
            assertTrue(inbox.events.stream().noneMatch(e -> e.toString().contains("Secret")));
        } finally {
            socket.abort();
        }
    }

    @Test
    void orderAndKitchenEventsReachOnlyTheirTenantsSockets() throws Exception {
        it.Shop a = it.Shop.open("wspa");
        it.Shop b = it.Shop.open("wspb");
        SocketInbox inboxA = new SocketInbox();
        SocketInbox inboxB = new SocketInbox();
        WebSocket socketA = open(a.cashier, inboxA);
        WebSocket socketB = open(b.cashier, inboxB);
        try {
            Thread.sleep(300);
            JsonObject order = a.order(a.orderBody("DINE_IN", a.table, a.lemonadeLine(1))).json();
            long id = order.getJsonNumber("id").longValue();
            JsonObject created = inboxA.next("order.created");
            assertTrue(created != null, "tenant A's POS hears the new order");
            assertEquals(id, created.getJsonObject("data").getJsonNumber("id").longValue());
            assertEquals(200, a.as(a.cashier, "/api/v1/orders/" + id + "/send").post(obj()).status());
            JsonObject ticket = inboxA.next("kitchen.ticket");
            assertTrue(ticket != null, "tenant A's kitchen hears the ticket");
            assertEquals("BAR", ticket.getJsonObject("data").getString("station"));
            assertEquals(201, a.pay(id, obj("method", "CARD", "amount", order.getJsonNumber("total").bigDecimalValue(),
                    "cardToken", "tok_visa")).status());
            assertTrue(inboxA.next("order.completed") != null, "tenant A hears the completion");
            assertTrue(inboxB.events.stream().noneMatch(e -> e.getString("type").startsWith("order.")
                    || e.getString("type").startsWith("kitchen.")), () -> "tenant B heard " + inboxB.events);
        } finally {
            socketA.abort();
            socketB.abort();
        }
    }

    @Test
    void theTokenMayComeAsASubprotocol() throws Exception {
        TestTenant t = Api.newTenant("wsp");
        long outlet = Api.createOutlet(t, "Proto").getJsonNumber("id").longValue();
        SocketInbox inbox = new SocketInbox();
        WebSocket socket = Api.HTTP.newWebSocketBuilder().subprotocols("bearer", t.ownerToken())
                .buildAsync(URI.create(WS), inbox).join();
        try {
            Thread.sleep(300);
            t.call("/api/v1/outlets/" + outlet + "/tables").post(obj("label", "S1", "seats", 2));
            assertTrue(inbox.next("table.updated") != null);
        } finally {
            socket.abort();
        }
    }

    @Test
    void aHandshakeWithoutAValidTokenIsRefused() {
        for (String url : List.of(WS, WS + "?access_token=forged.token.value")) {
            CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> Api.HTTP.newWebSocketBuilder().buildAsync(URI.create(url), new SocketInbox()).join());
            if (failure.getCause() instanceof java.net.http.WebSocketHandshakeException handshake) {
                HttpResponse<?> response = handshake.getResponse();
                assertEquals(401, response.statusCode());
            } else {
                throw new AssertionError("expected a refused handshake, got " + failure.getCause());
            }
        }
    }
}
