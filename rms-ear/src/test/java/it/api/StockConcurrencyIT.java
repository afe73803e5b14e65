package it.api;

import static it.Api.obj;
import static it.api.InventoryIT.dec;
import static it.api.InventoryIT.item;
import static it.api.InventoryIT.level;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.Api;
import it.Api.Reply;
import it.Api.TestTenant;
import it.SocketInbox;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Strict stock under concurrent takers: with K left, at most K succeed; low stock is announced once per crossing. */
class StockConcurrencyIT {

    @Test
    void concurrentWasteNeverTakesStrictStockBelowZero() throws Exception {
        TestTenant t = Api.newTenant("race");
        long outlet = Api.createOutlet(t, "Busy").getJsonNumber("id").longValue();
        long patty = item(t, "PATTY", "each", "0", "1.00");
        String stock = "/api/v1/outlets/" + outlet + "/stock";
        assertEquals(200, t.call(stock + "/adjustments").post(obj("stockItemId", patty, "counted", 5,
                "reason", "COUNT")).status());

        int takers = 20;
        ExecutorService pool = Executors.newFixedThreadPool(takers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < takers; i++) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return t.call(stock + "/adjustments").post(obj("stockItemId", patty, "delta", -1,
                            "reason", "WASTE"));
                }));
            }
            start.countDown();
            int ok = 0;
            int refused = 0;
            for (Future<Reply> f : replies) {
                Reply r = f.get(60, TimeUnit.SECONDS);
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertEquals(422, r.status(), r::toString);
                    assertEquals("business-rule", r.kind());
                    refused++;
                }
            }
            assertEquals(5, ok, "exactly the 5 portions on hand were taken");
            assertEquals(15, refused);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, BigDecimal.ZERO.compareTo(dec(level(t, outlet, patty), "onHand")));
        Reply ledger = t.call(stock + "/movements?stockItemId=" + patty).get();
        assertEquals(6, ledger.json().getInt("total"), "one count and five waste movements");
        BigDecimal sum = ledger.items().stream().map(m -> dec(m, "quantity")).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, BigDecimal.ZERO.compareTo(sum), "the ledger agrees with the level");
    }

    @Test
    void fallingToTheReorderLevelIsAnnouncedOncePerCrossing() throws Exception {
        TestTenant t = Api.newTenant("low");
        long outlet = Api.createOutlet(t, "Corner").getJsonNumber("id").longValue();
        long cream = item(t, "CREAM", "l", "2", "3.00");
        String adj = "/api/v1/outlets/" + outlet + "/stock/adjustments";
        assertEquals(200, t.call(adj).post(obj("stockItemId", cream, "counted", 5, "reason", "COUNT")).status());
        SocketInbox inbox = new SocketInbox();
        WebSocket socket = Api.HTTP.newWebSocketBuilder().buildAsync(URI.create(Api.BASE.replace("http", "ws")
                + "/ws/events?access_token=" + t.ownerToken()), inbox).join();
        try {
            Thread.sleep(300);
            // refused (below zero): nothing committed, nothing announced
            assertEquals(422, t.call(adj).post(obj("stockItemId", cream, "delta", -6, "reason", "WASTE")).status());
            assertNull(inbox.next("stock.low"));
            assertEquals(200, t.call(adj).post(obj("stockItemId", cream, "delta", -3, "reason", "WASTE")).status());
            JsonObject low = inbox.next("stock.low");
            assertNotNull(low, "falling to the reorder level is announced");
            assertEquals(outlet, low.getJsonNumber("outletId").longValue());
            assertEquals("CREAM", low.getJsonObject("data").getString("sku"));
            assertEquals(0, new BigDecimal("2").compareTo(dec(low.getJsonObject("data"), "onHand")));
            assertTrue(level(t, outlet, cream).getBoolean("lowStock"));

            assertEquals(200, t.call(adj).post(obj("stockItemId", cream, "delta", -1, "reason", "WASTE")).status());
            assertNull(inbox.next("stock.low"), "still low: not announced again");
            assertEquals(200, t.call(adj).post(obj("stockItemId", cream, "counted", 6, "reason", "COUNT")).status());
            assertEquals(200, t.call(adj).post(obj("stockItemId", cream, "delta", -4, "reason", "WASTE")).status());
            assertNotNull(inbox.next("stock.low"), "a new crossing is announced again");
        } finally {
            socket.abort();
        }
    }
}
